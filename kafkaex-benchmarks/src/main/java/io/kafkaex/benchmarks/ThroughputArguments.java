package io.kafkaex.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The command line of a throughput benchmark: {@code [records] [n,n,...] [chart.png] [repetitions]}, each optional
 * from the end; the list is the benchmark's own dimension (value sizes, partition counts). Immutable; any thread.
 *
 * @param records records per run
 * @param list the values of the benchmark's own dimension
 * @param chart where the PNG goes, relative to the working directory
 * @param repetitions runs of each client per configuration
 */
record ThroughputArguments(int records, int[] list, Path chart, int repetitions) {

    static final int DEFAULT_RECORDS = 2_000_000;
    static final int DEFAULT_REPETITIONS = 3;

    static ThroughputArguments parse(String[] args, String defaultList, String defaultChart) {
        return parse(args, DEFAULT_RECORDS, defaultList, defaultChart);
    }

    /** As {@link #parse(String[], String, String)}, for a benchmark whose runs take another number of records by default. */
    static ThroughputArguments parse(String[] args, int defaultRecords, String defaultList, String defaultChart) {
        return new ThroughputArguments(args.length > 0 ? Integer.parseInt(args[0]) : defaultRecords,
                Arrays.stream((args.length > 1 ? args[1] : defaultList).split(",")).map(String::trim)
                        .mapToInt(Integer::parseInt).toArray(),
                Path.of(args.length > 2 ? args[2] : defaultChart),
                args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_REPETITIONS);
    }
}
