/**
 * Presentation of results: named metrics with units, the terminal table, JSON and CSV
 * renderings. Every format draws its columns from {@link org.pactsim.report.Metrics}, so no
 * reporter hard-codes a column.
 *
 * <p>Not here: computing any figure; everything shown comes from the engine's results.
 */
package org.pactsim.report;
