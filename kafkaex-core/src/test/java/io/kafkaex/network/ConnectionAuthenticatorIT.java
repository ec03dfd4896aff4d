package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.KafkaExException;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.message.ApiVersionsRequest;
import io.kafkaex.protocol.message.ApiVersionsResponse;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.telemetry.ConnectionCloseReason;
import io.kafkaex.telemetry.ConnectionEvent;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.RequestEvent;
import io.kafkaex.telemetry.Telemetry;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The security hook between API-version negotiation and readiness, against a real broker. */
@KafkaExBroker
class ConnectionAuthenticatorIT {

    private static final RequestSpec<MetadataResponse> METADATA = new RequestSpec<>(ApiKey.METADATA,
            version -> new MetadataRequest().setTopics(List.of()), MetadataResponse::read, Duration.ofSeconds(10));

    @Test
    void requestsWaitUntilTheAuthenticatorsOwnExchangeIsDone(KafkaTestCluster cluster) throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        ConnectionAuthenticator authenticator = exchange -> {
            order.add("authenticate " + exchange.apiVersions().negotiate(ApiKey.METADATA));
            return exchange.send(new RequestSpec<>(ApiKey.API_VERSIONS, version -> new ApiVersionsRequest(),
                    ApiVersionsResponse::read, Duration.ofSeconds(5))).thenApply(answer -> {
                        order.add("exchange answered");
                        return AuthenticatedSession.UNLIMITED;
                    });
        };
        try (NetworkClient client = new NetworkClient(NetworkOptions.defaults("auth-hook-it"), Telemetry.noop(), authenticator)) {
            MetadataResponse response = client.send(address(cluster), TrafficClass.OTHER, METADATA)
                    .thenApply(answer -> {
                        order.add("request answered");
                        return answer;
                    }).get(30, TimeUnit.SECONDS);

            assertThat(response.brokers()).hasSize(1);
            assertThat(order).hasSize(3);
            assertThat(order.get(0)).startsWith("authenticate ");
            assertThat(order.subList(1, 3)).containsExactly("exchange answered", "request answered");
        }
    }

    @Test
    void aFailedAuthenticationFailsWaitingRequestsWithItsErrorAndBacksOff(KafkaTestCluster cluster) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ConnectionAuthenticator refusing = exchange -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new KafkaExException("wrong password for test-user"));
        };
        Queue<ConnectionCloseReason> closes = new ConcurrentLinkedQueue<>();
        KafkaExTelemetryListener closeRecorder = new KafkaExTelemetryListener() {
            @Override
            public void onConnectionClose(ConnectionEvent.Closed event) {
                closes.add(event.reason());
            }
        };
        try (NetworkClient client = new NetworkClient(NetworkOptions.defaults("auth-fail-it"), Telemetry.of(List.of(closeRecorder)),
                refusing)) {
            assertThatThrownBy(() -> client.send(address(cluster), TrafficClass.OTHER, METADATA).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(KafkaExException.class).hasMessageContaining("wrong password for test-user");
            assertThat(closes).containsExactly(ConnectionCloseReason.AUTH_ERROR);

            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
            while (System.nanoTime() < until) { // a caller retrying as fast as it can
                client.send(address(cluster), TrafficClass.OTHER, METADATA).handle((answer, error) -> error).get(30, TimeUnit.SECONDS);
            }
        }
        // Reconnects wait 50 ms doubling to 1 s after each failure: a handful of attempts, not one per call.
        assertThat(attempts.get()).isBetween(2, 12);
    }

    /**
     * A session of 300 ms: shorter than the second a broker wants between re-authentications, so requests also
     * wait after it ends until the next may begin. The plaintext broker enforces nothing; the order of what
     * the connection writes, seen on its event-loop thread, shows that no other request goes out while it
     * re-authenticates or after its session ended, and every request is answered on the one connection.
     */
    @Test
    void aSessionThatEndsIsRenewedOnTheReadyConnectionWhileRequestsWait(KafkaTestCluster cluster) throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        List<Long> writtenAtNanos = new CopyOnWriteArrayList<>();
        AtomicInteger connections = new AtomicInteger();
        KafkaExTelemetryListener recorder = new KafkaExTelemetryListener() {
            @Override
            public void onRequestStart(RequestEvent.Start event) {
                written.add(event.metadata().api().name());
                writtenAtNanos.add(System.nanoTime());
            }

            @Override
            public void onConnectionStart(ConnectionEvent.Start event) {
                connections.incrementAndGet();
            }
        };
        ConnectionAuthenticator shortSessions = exchange -> {
            written.add(exchange.isReauthentication() ? "reauthenticate" : "authenticate");
            writtenAtNanos.add(System.nanoTime());
            return exchange.send(new RequestSpec<>(ApiKey.API_VERSIONS, version -> new ApiVersionsRequest(),
                    ApiVersionsResponse::read, Duration.ofSeconds(5))).thenApply(answer -> {
                        written.add("authenticated");
                        writtenAtNanos.add(System.nanoTime());
                        return new AuthenticatedSession(Duration.ofMillis(300));
                    });
        };
        try (NetworkClient client = new NetworkClient(NetworkOptions.defaults("reauth-hook-it"),
                Telemetry.of(List.of(recorder)), shortSessions)) {
            List<CompletableFuture<MetadataResponse>> answers = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3_500);
            while (System.nanoTime() < until) {
                for (int i = 0; i < 3; i++) {
                    answers.add(client.send(address(cluster), TrafficClass.OTHER, METADATA));
                }
                Thread.sleep(20);
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }

        assertThat(connections.get()).isEqualTo(1);
        assertThat(written.stream().filter("reauthenticate"::equals).count()).isBetween(2L, 4L);
        boolean authenticating = false;
        long authenticatedAtNanos = 0;
        for (int i = 0; i < written.size(); i++) {
            String entry = written.get(i);
            switch (entry) {
                case "authenticate", "reauthenticate" -> authenticating = true;
                case "authenticated" -> {
                    authenticating = false;
                    authenticatedAtNanos = writtenAtNanos.get(i);
                }
                default -> {
                    if (!entry.equals("API_VERSIONS")) {
                        assertThat(authenticating).as("%s written during an authentication in %s", entry, written).isFalse();
                        assertThat(writtenAtNanos.get(i) - authenticatedAtNanos).as("%s written after the session ended", entry)
                                .isLessThan(TimeUnit.MILLISECONDS.toNanos(300));
                    }
                }
            }
        }
    }

    private static InetSocketAddress address(KafkaTestCluster cluster) {
        String[] hostPort = cluster.bootstrapServers().split(",")[0].split(":");
        return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    }
}
