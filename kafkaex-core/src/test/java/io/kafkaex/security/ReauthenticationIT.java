package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.FetchResult;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.ProduceOptions;
import io.kafkaex.client.ProduceRecord;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.telemetry.AuthEvent;
import io.kafkaex.telemetry.ConnectionCloseReason;
import io.kafkaex.telemetry.ConnectionEvent;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.TestCredentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KIP-368 against a broker of its own that ends every SASL session after {@value #SESSION_MS} ms
 * ({@code connections.max.reauth.ms}; for OAUTHBEARER earlier when the token expires earlier). A client that
 * did not re-authenticate would have its connections closed by the broker at the first request after that.
 */
class ReauthenticationIT {

    private static final int SESSION_MS = 2_000;
    private static final Duration SENDING_FOR = Duration.ofSeconds(7);

    private static KafkaTestCluster cluster;

    @BeforeAll
    static void startBroker() {
        cluster = KafkaTestCluster.builder()
                .listeners(BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT)
                .brokerProperty("connections.max.reauth.ms", String.valueOf(SESSION_MS))
                .start();
    }

    @AfterAll
    static void stopBroker() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void scramConnectionsReauthenticateWhileAProducerKeepsSendingAndNothingIsLost() throws Exception {
        String topic = "reauth-it-scram";
        Recorder recorder = new Recorder();
        try (KafkaExClient client = scramClient(topic, SaslMechanism.SCRAM_SHA_512, recorder)) {
            List<String> sent = keepProducing(client, topic);

            assertThat(fetchAll(client, topic)).containsExactlyInAnyOrderElementsOf(sent); // direct produce calls may reorder
        }
        recorder.assertReauthenticatedWithoutReconnecting(3, "SCRAM-SHA-512");
    }

    @Test
    void anExpiringOAuthTokenIsReplacedAtReauthenticationWhileAProducerKeepsSending() throws Exception {
        String topic = "reauth-it-oauth";
        cluster.createTopic(topic, 1, 1);
        Recorder recorder = new Recorder();
        // Sessions end with the token when it expires first: 3 s tokens, 2 s sessions, so within 7 s the
        // cached token falls under its refresh window and re-authentications must carry new ones.
        RecordingTokenProvider provider = new RecordingTokenProvider(List.of(TestCredentials.OAUTH_REQUIRED_SCOPE),
                Duration.ofSeconds(3));
        KafkaExClientOptions options = saslOptions("reauth-it-oauth")
                .oauthBearer(provider, Map.of()).telemetryListener(recorder).build();
        try (KafkaExClient client = KafkaExClient.create(options)) {
            List<String> sent = keepProducing(client, topic);

            assertThat(fetchAll(client, topic)).containsExactlyInAnyOrderElementsOf(sent); // direct produce calls may reorder
        }
        recorder.assertReauthenticatedWithoutReconnecting(3, "OAUTHBEARER");
        assertThat(provider.tokens).hasSizeGreaterThanOrEqualTo(2);
        assertThat(provider.tokens).extracting(OAuthBearerToken::expiresAt).doesNotHaveDuplicates();
    }

    @Test
    void anIdleConnectionWhoseSessionEndedReauthenticatesWhenUsedAgain() throws Exception {
        String topic = "reauth-it-idle";
        Recorder recorder = new Recorder();
        try (KafkaExClient client = scramClient(topic, SaslMechanism.SCRAM_SHA_256, recorder)) {
            client.produceOneSync(topic, 0, ProduceRecord.of(null, bytes("before")), ProduceOptions.defaults());
            int connections = recorder.connectionStarts.size();

            Thread.sleep(SESSION_MS + 1_000); // the broker's session of every connection has ended
            client.produceOneSync(topic, 0, ProduceRecord.of(null, bytes("after")), ProduceOptions.defaults());

            assertThat(recorder.connectionStarts).hasSize(connections);
            assertThat(fetchAll(client, topic)).containsExactly("before", "after");
        }
        recorder.assertReauthenticatedWithoutReconnecting(1, "SCRAM-SHA-256");
    }

    /** Produces a record every 10 ms for {@link #SENDING_FOR}, several in flight at a time; returns the values sent. */
    private static List<String> keepProducing(KafkaExClient client, String topic) throws Exception {
        List<String> sent = new ArrayList<>();
        List<CompletableFuture<RecordMetadata>> results = new ArrayList<>();
        long until = System.nanoTime() + SENDING_FOR.toNanos();
        for (int i = 0; System.nanoTime() < until; i++) {
            String value = "record-" + i;
            sent.add(value);
            results.add(client.produceOne(topic, 0, ProduceRecord.of(null, bytes(value)), ProduceOptions.defaults()));
            Thread.sleep(10);
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        return sent;
    }

    private static List<String> fetchAll(KafkaExClient client, String topic) {
        List<String> values = new ArrayList<>();
        long end = client.latestOffsetSync(topic, 0);
        long next = 0;
        while (next < end) {
            FetchResult fetched = client.fetchSync(topic, 0, next, FetchOptions.defaults());
            for (var record : fetched.records()) {
                values.add(text(record.value()));
                next = record.offset() + 1;
            }
        }
        return values;
    }

    /** A client of alice with {@code mechanism}, reporting to {@code recorder}, and {@code topic} created for it. */
    private static KafkaExClient scramClient(String topic, SaslMechanism mechanism, Recorder recorder) {
        cluster.createTopic(topic, 1, 1);
        return KafkaExClient.create(saslOptions(topic)
                .sasl(mechanism, TestCredentials.ALICE.name(), TestCredentials.ALICE.password())
                .telemetryListener(recorder).build());
    }

    private static KafkaExClientOptions.Builder saslOptions(String clientId) {
        return KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers(BrokerListener.SASL_PLAINTEXT))
                .clientId(clientId)
                .securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .maxRetries(0); // a connection closed by the broker would fail a produce, not hide behind a retry
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }

    /** Keeps the auth and connection events of one client. Any thread. */
    private static final class Recorder extends RecordedAuthEvents {

        final Queue<ConnectionEvent.Start> connectionStarts = new ConcurrentLinkedQueue<>();
        final Queue<ConnectionCloseReason> closes = new ConcurrentLinkedQueue<>();

        @Override
        public void onConnectionStart(ConnectionEvent.Start event) {
            connectionStarts.add(event);
        }

        @Override
        public void onConnectionClose(ConnectionEvent.Closed event) {
            closes.add(event.reason());
        }

        /**
         * At least {@code reauthentications} successful re-authentications with {@code mechanism}, each on a
         * broker named by node id, no failed authentication, and no connection closed before the client was.
         */
        void assertReauthenticatedWithoutReconnecting(int reauthentications, String mechanism) {
            List<AuthEvent.Stop> again = stops().stream().filter(stop -> stop.metadata().reauthentication()).toList();
            assertThat(again).hasSizeGreaterThanOrEqualTo(reauthentications).allSatisfy(stop -> {
                assertThat(stop.metadata().mechanism()).isEqualTo(mechanism);
                assertThat(stop.metadata().broker().nodeId()).isGreaterThanOrEqualTo(0);
            });
            assertThat(stops()).allSatisfy(stop -> assertThat(stop.outcome().isOk()).as("%s", stop).isTrue());
            assertThat(closes).containsOnly(ConnectionCloseReason.SHUTDOWN);
        }
    }
}
