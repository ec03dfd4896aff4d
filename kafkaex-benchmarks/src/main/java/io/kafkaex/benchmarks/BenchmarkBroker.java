package io.kafkaex.benchmarks;

import io.kafkaex.test.KafkaTestCluster;

/**
 * The broker the end-to-end throughput benchmarks start for themselves: one Kafka broker (the version the tests use,
 * from Maven Central) in its own JVM with a fixed 1 GiB G1 heap, so its memory does not change between runs. A
 * benchmark adds its own broker properties before starting it. Static methods only; any thread.
 */
final class BenchmarkBroker {

    private BenchmarkBroker() {
    }

    static KafkaTestCluster.Builder builder() {
        return KafkaTestCluster.builder().jvmOptions("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
    }
}
