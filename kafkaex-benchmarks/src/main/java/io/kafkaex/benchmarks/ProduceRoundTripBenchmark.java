package io.kafkaex.benchmarks;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.ProduceOptions;
import io.kafkaex.client.ProduceRecord;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.security.SaslMechanism;
import io.kafkaex.security.SecurityProtocol;
import io.kafkaex.security.tls.TlsOptions;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.TestCredentials;
import io.kafkaex.test.TestTls;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * kafka_ex's direct produce against a real broker, KafkaEx beside kafka-clients in one run: one 100-byte record
 * sent and acknowledged (acks=all) at a time, and 100 such single-record produces in flight at once. Both
 * clients send each record as its own request here (kafka-clients with {@code linger.ms=0}; it may still put
 * records that queue up behind a busy connection into one batch, which KafkaEx's direct produce never does —
 * batching is the high-throughput producer's job). The broker is started by the benchmark from Maven Central
 * artifacts, as the tests do. Scores are produces per second. Each runs over plain TCP and over SASL_SSL
 * (TLS with SCRAM-SHA-512), so the cost of KafkaEx's TLS transport shows beside kafka-clients' own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ProduceRoundTripBenchmark {

    private static final String TOPIC = "produce-round-trip";
    private static final int IN_FLIGHT = 100;

    /** The listener both clients use: {@code PLAINTEXT} or {@code SASL_SSL}. */
    @Param({"PLAINTEXT", "SASL_SSL"})
    public String listener;

    private KafkaTestCluster cluster;
    private KafkaExClient kafkaEx;
    private KafkaProducer<byte[], byte[]> kafkaClients;
    private final byte[] value = RecordPayloads.values(1)[0];

    @Setup(Level.Trial)
    public void startBrokerAndClients() {
        BrokerListener chosen = BrokerListener.valueOf(listener);
        cluster = KafkaTestCluster.builder().listeners(BrokerListener.PLAINTEXT, chosen).start();
        cluster.createTopic(TOPIC, 1, 1);
        KafkaExClientOptions.Builder options = KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers(chosen)).clientId("bench-kafkaex");
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(chosen));
        if (chosen == BrokerListener.SASL_SSL) {
            TestTls tls = cluster.tls();
            options.securityProtocol(SecurityProtocol.SASL_SSL)
                    .sasl(SaslMechanism.SCRAM_SHA_512, TestCredentials.ALICE.name(), TestCredentials.ALICE.password())
                    .tls(TlsOptions.builder().trustStore(tls.trustStore(), TestTls.STORE_TYPE, tls.password()).build());
            properties.put("security.protocol", "SASL_SSL");
            properties.put("sasl.mechanism", "SCRAM-SHA-512");
            properties.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + TestCredentials.ALICE.name() + "\" password=\"" + TestCredentials.ALICE.password() + "\";");
            properties.put("ssl.truststore.location", tls.trustStore().toString());
            properties.put("ssl.truststore.type", TestTls.STORE_TYPE);
            properties.put("ssl.truststore.password", tls.password());
        }
        kafkaEx = KafkaExClient.create(options.build());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        kafkaClients = new KafkaProducer<>(properties);
    }

    @TearDown(Level.Trial)
    public void stopEverything() {
        kafkaClients.close();
        kafkaEx.close();
        cluster.close();
    }

    @Benchmark
    public RecordMetadata kafkaExOneAtATime() {
        return kafkaEx.produceOneSync(TOPIC, 0, ProduceRecord.of(null, value), ProduceOptions.defaults());
    }

    @Benchmark
    public org.apache.kafka.clients.producer.RecordMetadata kafkaClientsOneAtATime() throws Exception {
        return kafkaClients.send(new ProducerRecord<>(TOPIC, 0, null, value)).get();
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public void kafkaExHundredInFlight() {
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>(IN_FLIGHT);
        for (int i = 0; i < IN_FLIGHT; i++) {
            sent.add(kafkaEx.produceOne(TOPIC, 0, ProduceRecord.of(null, value), ProduceOptions.defaults()));
        }
        sent.forEach(CompletableFuture::join);
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public void kafkaClientsHundredInFlight() throws Exception {
        List<Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new ArrayList<>(IN_FLIGHT);
        for (int i = 0; i < IN_FLIGHT; i++) {
            sent.add(kafkaClients.send(new ProducerRecord<>(TOPIC, 0, null, value)));
        }
        for (Future<org.apache.kafka.clients.producer.RecordMetadata> future : sent) {
            future.get();
        }
    }
}
