/**
 * Design-space sweeps: a {@link org.pactsim.study.sweep.SweepSpec} names axes over accelerator
 * keys (and the networks' precision), a sampling strategy, networks with weights, constraints
 * and objectives; {@link org.pactsim.study.sweep.DesignSpace} numbers its points,
 * {@link org.pactsim.study.sweep.PointEvaluator} simulates and prices one point, and
 * {@link org.pactsim.study.sweep.SweepRun} runs a range of points on all cores in order, or one
 * {@link org.pactsim.study.sweep.Partitioning partition} of them (a Spark task's share);
 * {@link org.pactsim.study.sweep.SweepFronts} keeps the Pareto fronts of rows, and merges the
 * fronts of partitions into those of the whole sweep.
 *
 * <p>Not here: reading the spec file or binding keys to an accelerator ({@code io.SweepSpecReader},
 * behind {@link org.pactsim.study.sweep.PointBinder}), the metric definitions
 * ({@code report.Metrics}, behind {@link org.pactsim.study.sweep.MetricSet}), the output files,
 * charts and command line.
 */
package org.pactsim.study.sweep;
