package io.kafkaex.benchmarks;

import io.kafkaex.client.Acks;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.test.KafkaTestCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Producer throughput, KafkaEx's {@link KafkaExProducer} and kafka-clients' {@code KafkaProducer} alternating in
 * one run against a broker the benchmark starts itself: for each value size N records to a 1- and a 6-partition
 * topic, with acks=1 and acks=all, uncompressed, lz4 and zstd, both clients with the same linger (5 ms), batch
 * size (16 KiB), buffer (32 MiB) and in-flight limit (5), and idempotence as both default it: on with
 * acks=all, off with acks=1.
 * Each configuration runs both clients alternately {@code repetitions} times; runs on a shared 2-core machine vary
 * by a third, so each client's row is its median run by records/s, with the slowest and fastest run beside it.
 * Prints, per value size, one Markdown row per client and configuration: records/s, MB/s, p50/p99 send-to-ack
 * latency, client CPU seconds per million records (this JVM's CPU time; the broker runs in its own process) and
 * bytes allocated per record (all live threads of this JVM). At the end it draws records/s and CPU per record of
 * every row into one PNG ({@link BenchmarkChart}). The broker deletes old log segments every 10 s, so repeated
 * runs of large values do not fill the disk.
 *
 * <p>Run: {@code java -cp kafkaex-benchmarks/target/benchmarks.jar io.kafkaex.benchmarks.ProducerThroughputBenchmark
 * [records] [valueBytes,valueBytes...] [chart.png] [repetitions]} (defaults 2,000,000, {@code 100,1024},
 * {@value #DEFAULT_CHART}, relative to the working directory, and 3). Main thread only.
 */
public final class ProducerThroughputBenchmark {

    private static final int LINGER_MS = 5;
    private static final int BATCH_SIZE = 16_384;
    private static final long BUFFER_MEMORY = 32L * 1024 * 1024;
    private static final int MAX_IN_FLIGHT = 5;
    private static final String KAFKAEX = "KafkaEx";
    private static final String KAFKA_CLIENTS = "kafka-clients";
    private static final String DEFAULT_CHART = "docs/images/producer-throughput.png";

    private final KafkaTestCluster cluster;
    private final int records;
    private final int repetitions;

    private ProducerThroughputBenchmark(KafkaTestCluster cluster, int records, int repetitions) {
        this.cluster = cluster;
        this.records = records;
        this.repetitions = repetitions;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        ThroughputArguments arguments = ThroughputArguments.parse(args, "100,1024", DEFAULT_CHART);
        int records = arguments.records();
        int repetitions = arguments.repetitions();
        List<BenchmarkChart.Row> rows = new ArrayList<>();
        try (KafkaTestCluster cluster = BenchmarkBroker.builder()
                .brokerProperty("log.segment.bytes", Integer.toString(64 << 20))
                .brokerProperty("log.retention.bytes", Integer.toString(128 << 20))
                .brokerProperty("log.retention.check.interval.ms", "10000").start()) {
            ProducerThroughputBenchmark benchmark = new ProducerThroughputBenchmark(cluster, records, repetitions);
            benchmark.warmUp(arguments.list()[0]);
            for (int valueBytes : arguments.list()) {
                rows.addAll(benchmark.runEveryConfiguration(valueBytes));
            }
        }
        new BenchmarkChart(String.format(Locale.ROOT, "Producer throughput, KafkaEx vs kafka-clients: %,d records per run,"
                + " median of %d", records, repetitions), rows).writePng(arguments.chart());
        System.out.printf("%nChart written to %s%n", arguments.chart().toAbsolutePath());
    }

    private record Config(int partitions, String acks, CompressionType compression, int valueBytes) {

        /** A topic of its own for this configuration and client. */
        String topic(String client) {
            return String.join("-", "throughput", Integer.toString(partitions), acks, compressionName(), Integer.toString(valueBytes),
                    client.toLowerCase(Locale.ROOT));
        }

        /** The configuration's name in the chart, such as {@code 6 partitions, acks=all, zstd, 1,024 B}. */
        String label() {
            return String.format(Locale.ROOT, "%d partition%s, acks=%s, %s, %,d B", partitions, partitions == 1 ? "" : "s", acks,
                    compressionName(), valueBytes);
        }

        String compressionName() {
            return compression.name().toLowerCase(Locale.ROOT);
        }
    }

    private record Result(ProcessMeter.Measurement measurement, long[] latencies) {

        long elapsedNanos() {
            return measurement.elapsedNanos();
        }
    }

    /** Runs both clients in every configuration with values of {@code valueBytes}; prints and returns their rows. */
    private List<BenchmarkChart.Row> runEveryConfiguration(int valueBytes) throws Exception {
        System.out.printf(Locale.ROOT, "%n%,d records of %d bytes%n%n", records, valueBytes);
        System.out.println("| partitions | acks | compression | client | records/s (median) | slowest–fastest run | MB/s | p50 ms"
                + " | p99 ms | CPU s / M records | bytes allocated / record |");
        System.out.println("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        List<BenchmarkChart.Row> rows = new ArrayList<>();
        for (int partitions : new int[] {1, 6}) {
            for (String acks : new String[] {"1", "all"}) {
                for (CompressionType compression : List.of(CompressionType.NONE, CompressionType.LZ4, CompressionType.ZSTD)) {
                    Config config = new Config(partitions, acks, compression, valueBytes);
                    cluster.createTopic(config.topic(KAFKAEX), partitions, 1);
                    cluster.createTopic(config.topic(KAFKA_CLIENTS), partitions, 1);
                    List<Result> ours = new ArrayList<>();
                    List<Result> theirs = new ArrayList<>();
                    for (int run = 0; run < repetitions; run++) {
                        ours.add(runKafkaEx(config.topic(KAFKAEX), config, records));
                        theirs.add(runKafkaClients(config.topic(KAFKA_CLIENTS), config, records));
                    }
                    rows.add(report(config, KAFKAEX, ours));
                    rows.add(report(config, KAFKA_CLIENTS, theirs));
                }
            }
        }
        return rows;
    }

    private void warmUp(int valueBytes) throws Exception {
        cluster.createTopic("throughput-warm-up", 6, 1);
        Config config = new Config(6, "1", CompressionType.LZ4, valueBytes);
        int warmUpRecords = Math.min(records, 500_000);
        runKafkaEx("throughput-warm-up", config, warmUpRecords);
        runKafkaClients("throughput-warm-up", config, warmUpRecords);
    }

    private Result runKafkaEx(String topic, Config config, int count) throws Exception {
        ProducerOptions options = ProducerOptions.builder(KafkaExClientOptions.builder()
                        .bootstrapServers(cluster.bootstrapServers()).clientId("throughput-kafkaex").build())
                .acks(config.acks().equals("all") ? Acks.ALL : Acks.LEADER).linger(Duration.ofMillis(LINGER_MS))
                .batchSize(BATCH_SIZE).bufferMemory(BUFFER_MEMORY).maxInFlight(MAX_IN_FLIGHT).compression(config.compression())
                .idempotence(config.acks().equals("all")).build();
        byte[] value = RecordPayloads.value(config.valueBytes());
        try (KafkaExProducer producer = KafkaExProducer.create(options)) {
            producer.send(ProducerRecord.of(topic, null, value)).get(30, TimeUnit.SECONDS); // metadata and connections
            return measure(count, (index, latencies, done, failure) -> {
                long sent = System.nanoTime();
                producer.send(ProducerRecord.of(topic, null, value)).whenComplete((metadata, error) -> {
                    latencies[index] = System.nanoTime() - sent;
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                    done.countDown();
                });
            });
        }
    }

    private Result runKafkaClients(String topic, Config config, int count) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "throughput-kafka-clients");
        properties.put(ProducerConfig.ACKS_CONFIG, config.acks());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_MEMORY);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, MAX_IN_FLIGHT);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, config.acks().equals("all"));
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compressionName());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] value = RecordPayloads.value(config.valueBytes());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
            return measure(count, (index, latencies, done, failure) -> {
                long sent = System.nanoTime();
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, value), (metadata, error) -> {
                    latencies[index] = System.nanoTime() - sent;
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                    done.countDown();
                });
            });
        }
    }

    /** Sends one record; records its latency at {@code index} and counts {@code done} down when acknowledged. */
    @FunctionalInterface
    private interface Send {
        void send(int index, long[] latencies, CountDownLatch done, AtomicReference<Throwable> failure) throws Exception;
    }

    private static Result measure(int count, Send send) throws Exception {
        long[] latencies = new long[count];
        CountDownLatch done = new CountDownLatch(count);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        System.gc();
        ProcessMeter.Snapshot start = ProcessMeter.now();
        for (int i = 0; i < count; i++) {
            send.send(i, latencies, done, failure);
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Not every record was acknowledged within 10 minutes");
        }
        ProcessMeter.Measurement measurement = start.until(ProcessMeter.now());
        if (failure.get() != null) {
            throw new IllegalStateException("A send failed", failure.get());
        }
        return new Result(measurement, latencies);
    }

    /** Prints the Markdown row of one client's median run (by records/s) and returns its row for the chart. */
    private BenchmarkChart.Row report(Config config, String client, List<Result> runs) {
        MedianRun<Result> runsByElapsed = MedianRun.byElapsed(runs, Result::elapsedNanos);
        ProcessMeter.Measurement result = runsByElapsed.median().measurement();
        long[] sorted = runsByElapsed.median().latencies().clone();
        Arrays.sort(sorted);
        double recordsPerSecond = result.perSecond(records);
        double megabytesPerSecond = recordsPerSecond * config.valueBytes() / 1e6;
        double cpuSecondsPerMillion = result.cpuSecondsPerMillion(records);
        System.out.printf(Locale.ROOT, "| %d | %s | %s | %s | %,.0f | %,.0f–%,.0f | %.1f | %.1f | %.1f | %.2f | %,.0f |%n",
                config.partitions(), config.acks(), config.compressionName(), client, recordsPerSecond,
                runsByElapsed.slowest().measurement().perSecond(records),
                runsByElapsed.fastest().measurement().perSecond(records),
                megabytesPerSecond, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                cpuSecondsPerMillion, result.allocatedBytesPer(records));
        return new BenchmarkChart.Row(config.label(), client, recordsPerSecond, cpuSecondsPerMillion);
    }
}
