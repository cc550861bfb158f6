/**
 * The sweep engine on Apache Spark: the same sweep spec, the same {@code PointEvaluator}, the
 * same rows as the local engine, on a cluster ({@code spark-submit
 * target/pactsim.jar sweep SPEC --engine spark --out URI}: the jar's main class) or embedded
 * ({@code pactsim sweep SPEC --engine spark}). The command line finds the engine as the
 * {@link org.pactsim.run.SweepEngine} named {@code spark} ({@link org.pactsim.spark.SparkEntry}).
 *
 * <p>The driver reads the spec (errors with file and line, before anything runs), ships the
 * bytes of every file it read ({@link org.pactsim.spark.SpecBundle}) and runs one task per
 * {@link org.pactsim.study.sweep.Partitioning partition} of point numbers; an executor rebuilds
 * the evaluator once per JVM from that bundle ({@link org.pactsim.spark.ExecutorJobs}), runs its
 * partition through {@link org.pactsim.study.sweep.SweepRun#partition} and commits its rows and
 * local Pareto fronts ({@link org.pactsim.spark.PartitionTask}). The driver merges them
 * ({@link org.pactsim.spark.SparkFolder}). Spark is a {@code provided} dependency:
 * {@link org.pactsim.spark.SparkCheck} is the only class here that may be loaded without it.
 */
package org.pactsim.spark;
