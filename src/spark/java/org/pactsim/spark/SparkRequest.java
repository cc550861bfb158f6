package org.pactsim.spark;

import java.nio.file.Path;

/**
 * What a Spark sweep is asked to do: the spec, the output folder (a path or a Hadoop URI such
 * as {@code hdfs://} or {@code s3a://}), the master (null: spark-submit's, else
 * {@code local[*]}), whether to start a changed sweep over, the points per partition (null:
 * the folder's, else {@link org.pactsim.study.sweep.Partitioning#auto}) and whether to write
 * Parquet. Touches no Spark type.
 */
public record SparkRequest(Path spec, String out, String master, boolean force, Long partitionPoints,
                           boolean parquet) {
    public SparkRequest {
        if (spec == null || out == null || out.isBlank()) {
            throw new IllegalArgumentException("a spec and an output folder");
        }
    }
}
