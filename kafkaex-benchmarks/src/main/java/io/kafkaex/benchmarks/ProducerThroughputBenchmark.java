package io.kafkaex.benchmarks;

import io.kafkaex.client.Acks;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.test.KafkaTestCluster;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
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
 * one run against a broker the benchmark starts itself: N records of a given size to a 1- and a 6-partition
 * topic, with acks=1 and acks=all, uncompressed, lz4 and zstd, both clients with the same linger (5 ms), batch
 * size (16 KiB), buffer (32 MiB) and in-flight limit (5), and idempotence as both default it: on with
 * acks=all, off with acks=1.
 * Prints one Markdown row per client and configuration: records/s, MB/s, p50/p99 send-to-ack latency, client CPU
 * seconds per million records (this JVM's CPU time; the broker runs in its own process) and bytes allocated per
 * record (all live threads of this JVM).
 *
 * <p>Run: {@code java -cp kafkaex-benchmarks/target/benchmarks.jar io.kafkaex.benchmarks.ProducerThroughputBenchmark
 * [records] [valueBytes]} (defaults 2,000,000 and 100). Main thread only.
 */
public final class ProducerThroughputBenchmark {

    private static final int LINGER_MS = 5;
    private static final int BATCH_SIZE = 16_384;
    private static final long BUFFER_MEMORY = 32L * 1024 * 1024;
    private static final int MAX_IN_FLIGHT = 5;

    private final KafkaTestCluster cluster;
    private final int records;
    private final byte[] value;

    private ProducerThroughputBenchmark(KafkaTestCluster cluster, int records, int valueBytes) {
        this.cluster = cluster;
        this.records = records;
        this.value = Arrays.copyOf(RecordPayloads.values(1)[0], valueBytes);
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int valueBytes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (KafkaTestCluster cluster = KafkaTestCluster.builder().jvmOptions("-Xms1g", "-Xmx1g", "-XX:+UseG1GC").start()) {
            ProducerThroughputBenchmark benchmark = new ProducerThroughputBenchmark(cluster, records, valueBytes);
            benchmark.warmUp();
            System.out.printf(Locale.ROOT, "%n%,d records of %d bytes%n%n", records, valueBytes);
            System.out.println("| partitions | acks | compression | client | records/s | MB/s | p50 ms | p99 ms | CPU s / M records | bytes allocated / record |");
            System.out.println("|---:|---|---|---|---:|---:|---:|---:|---:|---:|");
            int topicNumber = 0;
            for (int partitions : new int[] {1, 6}) {
                for (String acks : new String[] {"1", "all"}) {
                    for (CompressionType compression : List.of(CompressionType.NONE, CompressionType.LZ4, CompressionType.ZSTD)) {
                        String base = "throughput-" + topicNumber++;
                        cluster.createTopic(base + "-kafkaex", partitions, 1);
                        cluster.createTopic(base + "-kafka-clients", partitions, 1);
                        Config config = new Config(partitions, acks, compression);
                        benchmark.report(config, "KafkaEx", benchmark.runKafkaEx(base + "-kafkaex", config, records));
                        benchmark.report(config, "kafka-clients", benchmark.runKafkaClients(base + "-kafka-clients", config, records));
                    }
                }
            }
        }
    }

    private record Config(int partitions, String acks, CompressionType compression) {
    }

    private record Result(long elapsedNanos, long[] latencies, long cpuNanos, long allocatedBytes) {
    }

    private void warmUp() throws Exception {
        cluster.createTopic("throughput-warm-up", 6, 1);
        Config config = new Config(6, "1", CompressionType.LZ4);
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
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression().name().toLowerCase(Locale.ROOT));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
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
        long cpuBefore = processCpuNanos();
        long allocatedBefore = allocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            send.send(i, latencies, done, failure);
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Not every record was acknowledged within 10 minutes");
        }
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        long allocated = allocatedBytes() - allocatedBefore;
        if (failure.get() != null) {
            throw new IllegalStateException("A send failed", failure.get());
        }
        return new Result(elapsed, latencies, cpu, allocated);
    }

    private void report(Config config, String client, Result result) {
        long[] sorted = result.latencies().clone();
        Arrays.sort(sorted);
        double seconds = result.elapsedNanos() / 1e9;
        double recordsPerSecond = records / seconds;
        double megabytesPerSecond = recordsPerSecond * value.length / 1e6;
        System.out.printf(Locale.ROOT, "| %d | %s | %s | %s | %,.0f | %.1f | %.1f | %.1f | %.2f | %,.0f |%n",
                config.partitions(), config.acks(), config.compression().name().toLowerCase(Locale.ROOT), client, recordsPerSecond,
                megabytesPerSecond, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                result.cpuNanos() / 1e9 / (records / 1e6), (double) result.allocatedBytes() / records);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long allocatedBytes() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long total = 0;
        for (long allocated : ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(ids)) {
            total += Math.max(0, allocated);
        }
        return total;
    }
}
