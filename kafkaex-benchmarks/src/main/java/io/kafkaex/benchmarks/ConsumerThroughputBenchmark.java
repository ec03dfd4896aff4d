package io.kafkaex.benchmarks;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.consumer.GenConsumer;
import io.kafkaex.consumer.HandleResult;
import io.kafkaex.consumer.KafkaExConsumerGroup;
import io.kafkaex.consumer.OffsetResetPolicy;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.test.KafkaTestCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumer throughput, KafkaEx's {@link KafkaExConsumerGroup} and kafka-clients' {@code KafkaConsumer} alternating in
 * one run against a broker the benchmark starts itself. Once, before any run, it writes N records of 100-byte
 * JSON-like values without keys ({@link RecordPayloads}, 10,000 distinct ones in turn) with {@link KafkaExProducer}
 * (linger 5 ms, batches of 16 KiB) to one topic per configuration: 1 and 6 partitions (by default), uncompressed and
 * lz4. Every run then reads the same topic from the beginning as the only member of a new group: KafkaEx with
 * {@code autoOffsetReset} EARLIEST and a {@link GenConsumer} that returns {@code asyncCommit}; kafka-clients with
 * {@code auto.offset.reset=earliest}, a {@code poll} loop and its default auto-commit. Both use their default fetch
 * settings (the same: min 1 byte, max wait 500 ms, 1 MiB per partition, 50 MiB per response) and touch each record's
 * value (sum its length), counting until all N records arrived.
 *
 * <p>The clock and the meters run from the first record either client hands over to the last: joining the group and
 * the first fetch are left out (printed beside, as time to first record). Each configuration runs both clients
 * alternately {@code repetitions} times; each row is a client's median run by records/s with the slowest and fastest
 * beside it: records/s, MB/s of values, client CPU seconds per million records (this JVM's process CPU time; the
 * broker runs in its own process) and bytes allocated per record. At the end it draws records/s and CPU per record of
 * every row into one PNG ({@link BenchmarkChart}).
 *
 * <p>Run: {@code java -cp kafkaex-benchmarks/target/benchmarks.jar io.kafkaex.benchmarks.ConsumerThroughputBenchmark
 * [records] [partitions,partitions...] [chart.png] [repetitions]} (defaults 2,000,000, {@code 1,6},
 * {@value #DEFAULT_CHART}, relative to the working directory, and 3). Main thread only.
 */
public final class ConsumerThroughputBenchmark {

    private static final int VALUE_BYTES = RecordPayloads.VALUE_SIZE;
    private static final int DISTINCT_VALUES = 10_000;
    private static final String KAFKAEX = "KafkaEx";
    private static final String KAFKA_CLIENTS = "kafka-clients";
    private static final String DEFAULT_CHART = "docs/images/consumer-throughput.png";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private final KafkaTestCluster cluster;
    private final int records;
    private final int repetitions;
    private int groups;

    private ConsumerThroughputBenchmark(KafkaTestCluster cluster, int records, int repetitions) {
        this.cluster = cluster;
        this.records = records;
        this.repetitions = repetitions;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        ThroughputArguments arguments = ThroughputArguments.parse(args, "1,6", DEFAULT_CHART);
        List<Config> configs = new ArrayList<>();
        for (int partitions : arguments.list()) {
            for (CompressionType compression : List.of(CompressionType.NONE, CompressionType.LZ4)) {
                configs.add(new Config(partitions, compression));
            }
        }
        List<BenchmarkChart.Row> rows = new ArrayList<>();
        try (KafkaTestCluster cluster = BenchmarkBroker.builder().start()) {
            ConsumerThroughputBenchmark benchmark = new ConsumerThroughputBenchmark(cluster, arguments.records(),
                    arguments.repetitions());
            for (Config config : configs) {
                benchmark.produce(config);
            }
            for (Config config : configs.subList(0, 2)) { // both codecs
                benchmark.warmUp(config);
            }
            System.out.printf(Locale.ROOT, "%n%,d records of %d bytes%n%n", arguments.records(), VALUE_BYTES);
            System.out.println("| partitions | compression | client | records/s (median) | slowest–fastest run | MB/s"
                    + " | CPU s / M records | bytes allocated / record | ms to first record |");
            System.out.println("|---:|---|---|---:|---:|---:|---:|---:|---:|");
            for (Config config : configs) {
                rows.addAll(benchmark.run(config));
            }
        }
        new BenchmarkChart(String.format(Locale.ROOT, "Consumer throughput, KafkaEx vs kafka-clients: %,d records per run,"
                + " median of %d", arguments.records(), arguments.repetitions()), rows).writePng(arguments.chart());
        System.out.printf("%nChart written to %s%n", arguments.chart().toAbsolutePath());
    }

    private record Config(int partitions, CompressionType compression) {

        String topic() {
            return "consume-" + partitions + "-" + compressionName();
        }

        /** The configuration's name in the chart, such as {@code 6 partitions, lz4}. */
        String label() {
            return String.format(Locale.ROOT, "%d partition%s, %s", partitions, partitions == 1 ? "" : "s", compressionName());
        }

        String compressionName() {
            return compression.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One run: what the JVM spent from the first record handed over to the last, the time from creating the consumer
     * to its first record, and the value bytes the consumer saw.
     */
    private record Result(ProcessMeter.Measurement measurement, long nanosToFirstRecord, long valueBytes) {

        long elapsedNanos() {
            return measurement.elapsedNanos();
        }
    }

    /** Writes the configuration's records once; every run of both clients reads them. */
    private void produce(Config config) throws Exception {
        cluster.createTopic(config.topic(), config.partitions(), 1);
        ProducerOptions options = ProducerOptions.builder(KafkaExClientOptions.builder()
                        .bootstrapServers(cluster.bootstrapServers()).clientId("consumer-throughput-producer").build())
                .compression(config.compression()).build();
        byte[][] values = RecordPayloads.values(DISTINCT_VALUES);
        long start = System.nanoTime();
        try (KafkaExProducer producer = KafkaExProducer.create(options)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int i = 0; i < records; i++) {
                ProducerRecord record = ProducerRecord.of(config.topic(), null, values[i % DISTINCT_VALUES]);
                producer.send(record).whenComplete((metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("Writing the records of " + config.label() + " failed", failure.get());
            }
        }
        System.out.printf(Locale.ROOT, "Wrote %,d records to %s in %.1f s%n", records, config.topic(),
                (System.nanoTime() - start) / 1e9);
    }

    /** Lets the JIT compile both clients' reading paths of the configuration's codec before anything is measured. */
    private void warmUp(Config config) throws Exception {
        runKafkaEx(config);
        runKafkaClients(config);
    }

    /** Runs both clients alternately; prints and returns their rows. */
    private List<BenchmarkChart.Row> run(Config config) throws Exception {
        List<Result> ours = new ArrayList<>();
        List<Result> theirs = new ArrayList<>();
        for (int run = 0; run < repetitions; run++) {
            ours.add(runKafkaEx(config));
            theirs.add(runKafkaClients(config));
        }
        return List.of(report(config, KAFKAEX, ours), report(config, KAFKA_CLIENTS, theirs));
    }

    private Result runKafkaEx(Config config) throws Exception {
        ConsumerGroupOptions options = ConsumerGroupOptions.builder(KafkaExClientOptions.builder()
                        .bootstrapServers(cluster.bootstrapServers()).clientId("consumer-throughput-kafkaex").build(),
                        nextGroupId(KAFKAEX), List.of(config.topic()))
                .autoOffsetReset(OffsetResetPolicy.EARLIEST).build();
        Counter counter = new Counter(records);
        System.gc();
        counter.created();
        try (KafkaExConsumerGroup ignored = KafkaExConsumerGroup.start(options, new GenConsumer<Void>() {
            @Override
            public Void init(TopicPartition partition) {
                return null;
            }

            @Override
            public HandleResult<Void> handleMessageSet(List<Record> batch, Void state) {
                long valueBytes = 0;
                for (Record record : batch) {
                    valueBytes += record.value().remaining();
                }
                counter.counted(batch.size(), valueBytes);
                return HandleResult.asyncCommit(state);
            }
        })) {
            return counter.await(config);
        }
    }

    private Result runKafkaClients(Config config) throws Exception {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "consumer-throughput-kafka-clients");
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, nextGroupId(KAFKA_CLIENTS));
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Counter counter = new Counter(records);
        System.gc();
        counter.created();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(config.topic()));
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (!counter.isDone() && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                if (!batch.isEmpty()) {
                    long valueBytes = 0;
                    for (ConsumerRecord<byte[], byte[]> record : batch) {
                        valueBytes += record.value().length;
                    }
                    counter.counted(batch.count(), valueBytes);
                }
            }
            return counter.await(config);
        }
    }

    private String nextGroupId(String client) {
        return "consumer-throughput-" + client.toLowerCase(Locale.ROOT) + "-" + ++groups;
    }

    /**
     * Counts what one consumer handed over and takes the meter's snapshots at the first and the last record. Any
     * thread: KafkaEx hands each partition's batches over on that partition's worker.
     */
    private static final class Counter {

        private final long expected;
        private final AtomicLong count = new AtomicLong();
        private final LongAdder valueBytes = new LongAdder();
        private final AtomicReference<ProcessMeter.Snapshot> first = new AtomicReference<>();
        private final AtomicReference<ProcessMeter.Snapshot> last = new AtomicReference<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private long createdNanos;

        Counter(long expected) {
            this.expected = expected;
        }

        /** The consumer is about to be created. */
        void created() {
            createdNanos = System.nanoTime();
        }

        /** A batch of {@code records} with {@code bytes} of values was handled. */
        void counted(int records, long bytes) {
            if (first.get() == null) {
                first.compareAndSet(null, ProcessMeter.now());
            }
            valueBytes.add(bytes);
            if (count.addAndGet(records) >= expected && last.compareAndSet(null, ProcessMeter.now())) {
                done.countDown();
            }
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        Result await(Config config) throws InterruptedException {
            if (!done.await(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "Only %,d of %,d records of %s arrived within %s",
                        count.get(), expected, config.label(), RUN_TIMEOUT));
            }
            if (count.get() != expected) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%,d records of %s arrived, %,d expected",
                        count.get(), config.label(), expected));
            }
            return new Result(first.get().until(last.get()), first.get().nanoTime() - createdNanos, valueBytes.sum());
        }
    }

    /** Prints the Markdown row of one client's median run (by records/s) and returns its row for the chart. */
    private BenchmarkChart.Row report(Config config, String client, List<Result> runs) {
        MedianRun<Result> runsByElapsed = MedianRun.byElapsed(runs, Result::elapsedNanos);
        Result median = runsByElapsed.median();
        ProcessMeter.Measurement measured = median.measurement();
        double recordsPerSecond = measured.perSecond(records);
        double cpuSecondsPerMillion = measured.cpuSecondsPerMillion(records);
        System.out.printf(Locale.ROOT, "| %d | %s | %s | %,.0f | %,.0f–%,.0f | %.1f | %.2f | %,.0f | %,.0f |%n",
                config.partitions(), config.compressionName(), client, recordsPerSecond,
                runsByElapsed.slowest().measurement().perSecond(records),
                runsByElapsed.fastest().measurement().perSecond(records),
                measured.perSecond(median.valueBytes()) / 1e6, cpuSecondsPerMillion, measured.allocatedBytesPer(records),
                median.nanosToFirstRecord() / 1e6);
        return new BenchmarkChart.Row(config.label(), client, recordsPerSecond, cpuSecondsPerMillion);
    }
}
