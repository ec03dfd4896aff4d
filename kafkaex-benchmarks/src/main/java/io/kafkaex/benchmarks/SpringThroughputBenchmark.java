package io.kafkaex.benchmarks;

import io.kafkaex.client.Acks;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.test.KafkaTestCluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring layer, side by side: the KafkaEx starter ({@code KafkaExTemplate}, {@code @KafkaExListener}) and
 * spring-kafka on kafka-clients through Boot's own Kafka auto-configuration ({@code KafkaTemplate},
 * {@code @KafkaListener}), alternating in one run against a broker the benchmark starts itself. Both with the same
 * settings ({@link SpringClient}); every run starts a fresh Boot context of one client
 * ({@link SpringBenchmarkApplications}).
 *
 * <ul>
 *   <li><b>Send</b>: N records with String keys ({@code user-0} … {@code user-96}) and 100-byte String values
 *   ({@link RecordPayloads}, 10,000 distinct ones in turn) through the template's {@code send(topic, key, value)} to a
 *   new 6-partition topic per run. The clock and the meter run from the first send to the last future completed; the
 *   context's start and one send before (metadata, connections) are left out.</li>
 *   <li><b>Receive</b>: once, before any run, N records like those are written to one 6-partition topic; every run
 *   reads it from the beginning as a new group with one record listener taking a String payload, at each listener
 *   concurrency of the command line (both clients with the same). The clock and the meter run from the start of the
 *   context (joining the group included) to the N-th record handled.</li>
 * </ul>
 * Each client's row is its median run by elapsed time (all metrics of that run) with the slowest and fastest run
 * beside it. CPU is this JVM's process CPU time (the broker runs in its own process); allocation is summed over the
 * JVM's live threads. At the end it draws records/s and CPU per record of every row into one PNG
 * ({@link BenchmarkChart}).
 *
 * <p>Run: {@code java -cp kafkaex-benchmarks/target/benchmarks.jar io.kafkaex.benchmarks.SpringThroughputBenchmark
 * [records] [concurrency,concurrency...] [chart.png] [repetitions]} (defaults 500,000, {@code 1,3},
 * {@value #DEFAULT_CHART}, relative to the working directory, and 3). Main thread only.
 */
public final class SpringThroughputBenchmark {

    private static final int DEFAULT_RECORDS = 500_000;
    private static final String DEFAULT_CHART = "docs/images/spring-throughput.png";
    private static final int PARTITIONS = 6;
    private static final int DISTINCT_KEYS = 97;
    private static final int DISTINCT_VALUES = 10_000;
    private static final String RECEIVE_TOPIC = "spring-receive";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private final KafkaTestCluster cluster;
    private final int records;
    private final int repetitions;
    private final String[] keys = new String[DISTINCT_KEYS];
    private final String[] values = new String[DISTINCT_VALUES];
    private int runs;

    private SpringThroughputBenchmark(KafkaTestCluster cluster, int records, int repetitions) {
        this.cluster = cluster;
        this.records = records;
        this.repetitions = repetitions;
        for (int i = 0; i < DISTINCT_KEYS; i++) {
            keys[i] = "user-" + i;
        }
        byte[][] payloads = RecordPayloads.values(DISTINCT_VALUES);
        for (int i = 0; i < DISTINCT_VALUES; i++) {
            values[i] = new String(payloads[i], StandardCharsets.US_ASCII);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        ThroughputArguments arguments = ThroughputArguments.parse(args, DEFAULT_RECORDS, "1,3", DEFAULT_CHART);
        List<BenchmarkChart.Row> rows = new ArrayList<>();
        try (KafkaTestCluster cluster = BenchmarkBroker.builder().start()) {
            SpringThroughputBenchmark benchmark = new SpringThroughputBenchmark(cluster, arguments.records(),
                    arguments.repetitions());
            benchmark.fillReceiveTopic();
            benchmark.warmUp();
            System.out.printf(Locale.ROOT, "%n%,d records, String keys, 100-byte String values, %d partitions%n%n",
                    arguments.records(), PARTITIONS);
            System.out.println("| operation | listener concurrency | client | records/s (median) | slowest–fastest run"
                    + " | CPU s / M records | bytes allocated / record | ms to first record |");
            System.out.println("|---|---:|---|---:|---:|---:|---:|---:|");
            rows.addAll(benchmark.runSend());
            for (int concurrency : arguments.list()) {
                rows.addAll(benchmark.runReceive(concurrency));
            }
        }
        new BenchmarkChart(String.format(Locale.ROOT, "Spring layer, KafkaEx starter vs spring-kafka: %,d records per run,"
                + " median of %d", arguments.records(), arguments.repetitions()), rows).writePng(arguments.chart());
        System.out.printf("%nChart written to %s%n", arguments.chart().toAbsolutePath());
    }

    /**
     * One run: what the JVM spent in the measured span, the time from the start of the span to the first record
     * handled (receive only, else 0) and how many records the listener handled in all (receive only, else N).
     */
    private record Result(ProcessMeter.Measurement measurement, long nanosToFirstRecord, long handled) {

        long elapsedNanos() {
            return measurement.elapsedNanos();
        }
    }

    private void warmUp() throws Exception {
        for (SpringClient client : SpringClient.values()) {
            send(client);
            receive(client, 1);
        }
    }

    private List<BenchmarkChart.Row> runSend() throws Exception {
        Map<SpringClient, List<Result>> results = new LinkedHashMap<>();
        for (int run = 0; run < repetitions; run++) {
            for (SpringClient client : SpringClient.values()) {
                results.computeIfAbsent(client, ignored -> new ArrayList<>()).add(send(client));
            }
        }
        return report("send", "–", results);
    }

    private List<BenchmarkChart.Row> runReceive(int concurrency) throws Exception {
        Map<SpringClient, List<Result>> results = new LinkedHashMap<>();
        for (int run = 0; run < repetitions; run++) {
            for (SpringClient client : SpringClient.values()) {
                results.computeIfAbsent(client, ignored -> new ArrayList<>()).add(receive(client, concurrency));
            }
        }
        return report("receive", Integer.toString(concurrency), results);
    }

    /** Sends N records through the client's template to a new topic. */
    private Result send(SpringClient client) throws Exception {
        String topic = "spring-send-" + nextRun(client);
        cluster.createTopic(topic, PARTITIONS, 1);
        try (ConfigurableApplicationContext context = application(client, client.senderApplication(), topic, 1).run()) {
            SpringClient.Sender sender = client.sender(context);
            sender.send(topic, keys[0], values[0]).get(30, TimeUnit.SECONDS); // metadata and connections
            CountDownLatch done = new CountDownLatch(records);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            System.gc();
            ProcessMeter.Snapshot start = ProcessMeter.now();
            for (int i = 0; i < records; i++) {
                sender.send(topic, keys[i % DISTINCT_KEYS], values[i % DISTINCT_VALUES]).whenComplete((result, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                    done.countDown();
                });
            }
            if (!done.await(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Not every send of " + client.label() + " completed within " + RUN_TIMEOUT);
            }
            ProcessMeter.Measurement measurement = start.until(ProcessMeter.now());
            if (failure.get() != null) {
                throw new IllegalStateException("A send of " + client.label() + " failed", failure.get());
            }
            return new Result(measurement, 0, records);
        }
    }

    /** Starts the client's listener application as a new group on the filled topic and waits for the N-th record. */
    private Result receive(SpringClient client, int concurrency) throws Exception {
        HandledRecords handled = new HandledRecords(records);
        SpringApplicationBuilder application = application(client, client.receiverApplication(), RECEIVE_TOPIC, concurrency)
                .initializers(context -> context.getBeanFactory().registerSingleton("handledRecords", handled));
        System.gc();
        ProcessMeter.Snapshot start = ProcessMeter.now();
        try (ConfigurableApplicationContext ignored = application.run()) {
            HandledRecords.Snapshots snapshots = handled.await(RUN_TIMEOUT);
            return new Result(start.until(snapshots.last()), snapshots.first().nanoTime() - start.nanoTime(), handled.count());
        }
    }

    private SpringApplicationBuilder application(SpringClient client, Class<?> source, String topic, int concurrency) {
        Map<String, Object> properties = new LinkedHashMap<>(client.clientProperties(cluster.bootstrapServers()));
        properties.put("spring.application.name", "spring-throughput");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("benchmark.topic", topic);
        properties.put("benchmark.group", "spring-throughput-" + nextRun(client));
        properties.put("benchmark.concurrency", Integer.toString(concurrency));
        return new SpringApplicationBuilder(source).web(WebApplicationType.NONE).properties(properties);
    }

    private String nextRun(SpringClient client) {
        return client.name().toLowerCase(Locale.ROOT) + "-" + ++runs;
    }

    /** Writes the N records every receive run reads, with KafkaEx's producer (not measured). */
    private void fillReceiveTopic() throws Exception {
        cluster.createTopic(RECEIVE_TOPIC, PARTITIONS, 1);
        ProducerOptions options = ProducerOptions.builder(KafkaExClientOptions.builder()
                        .bootstrapServers(cluster.bootstrapServers()).clientId("spring-throughput-fill").build())
                .acks(Acks.ALL).build();
        byte[][] keyBytes = new byte[DISTINCT_KEYS][];
        for (int i = 0; i < DISTINCT_KEYS; i++) {
            keyBytes[i] = keys[i].getBytes(StandardCharsets.US_ASCII);
        }
        byte[][] valueBytes = RecordPayloads.values(DISTINCT_VALUES);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (KafkaExProducer producer = KafkaExProducer.create(options)) {
            for (int i = 0; i < records; i++) {
                producer.send(ProducerRecord.of(RECEIVE_TOPIC, keyBytes[i % DISTINCT_KEYS], valueBytes[i % DISTINCT_VALUES]))
                        .whenComplete((metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Filling " + RECEIVE_TOPIC + " failed", failure.get());
        }
    }

    /** Prints the Markdown row of each client's median run and returns their rows for the chart. */
    private List<BenchmarkChart.Row> report(String operation, String concurrency, Map<SpringClient, List<Result>> results) {
        List<BenchmarkChart.Row> rows = new ArrayList<>();
        for (Map.Entry<SpringClient, List<Result>> entry : results.entrySet()) {
            MedianRun<Result> runsByElapsed = MedianRun.byElapsed(entry.getValue(), Result::elapsedNanos);
            Result median = runsByElapsed.median();
            ProcessMeter.Measurement measured = median.measurement();
            double recordsPerSecond = measured.perSecond(records);
            double cpuSecondsPerMillion = measured.cpuSecondsPerMillion(records);
            long redelivered = entry.getValue().stream().mapToLong(result -> result.handled() - records).max().orElse(0);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %,.0f | %,.0f–%,.0f | %.2f | %,.0f | %s |%s%n", operation,
                    concurrency, entry.getKey().label(), recordsPerSecond,
                    runsByElapsed.slowest().measurement().perSecond(records),
                    runsByElapsed.fastest().measurement().perSecond(records), cpuSecondsPerMillion,
                    measured.allocatedBytesPer(records),
                    operation.equals("send") ? "–" : String.format(Locale.ROOT, "%,.0f", median.nanosToFirstRecord() / 1e6),
                    redelivered > 0 ? " (up to " + redelivered + " records handled twice)" : "");
            String label = operation.equals("send") ? "send" : "receive, concurrency " + concurrency;
            rows.add(new BenchmarkChart.Row(label, entry.getKey().label(), recordsPerSecond, cpuSecondsPerMillion));
        }
        return rows;
    }
}
