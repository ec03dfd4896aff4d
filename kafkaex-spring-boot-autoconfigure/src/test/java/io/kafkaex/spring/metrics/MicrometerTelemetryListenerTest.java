package io.kafkaex.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.telemetry.BrokerInfo;
import io.kafkaex.telemetry.ClientState;
import io.kafkaex.telemetry.CommitEvent;
import io.kafkaex.telemetry.ConnectionCloseReason;
import io.kafkaex.telemetry.ConnectionEvent;
import io.kafkaex.telemetry.ConsumerLagEvent;
import io.kafkaex.telemetry.HeartbeatEvent;
import io.kafkaex.telemetry.JoinEvent;
import io.kafkaex.telemetry.LeaveEvent;
import io.kafkaex.telemetry.Outcome;
import io.kafkaex.telemetry.ProduceEvent;
import io.kafkaex.telemetry.ProducerRequestEvent;
import io.kafkaex.telemetry.RebalanceEvent;
import io.kafkaex.telemetry.RebalanceReason;
import io.kafkaex.telemetry.RequestEvent;
import io.kafkaex.telemetry.SyncEvent;
import io.kafkaex.telemetry.Telemetry;
import io.kafkaex.telemetry.TelemetryEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MicrometerTelemetryListenerTest {

    private static final String CLIENT = "orders-listener-0";
    private static final BrokerInfo BROKER = new BrokerInfo(1, "kafka-1", 9092);
    private static final Duration TOOK = Duration.ofMillis(7);

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final FakeClient client = new FakeClient();
    private final Telemetry telemetry = Telemetry.of(List.of(new MicrometerTelemetryListener(registry, true)));

    @BeforeEach
    void start() {
        telemetry.clientStarted(client);
    }

    @Test
    void requestsAreTimedPerApiBrokerAndOutcomeAndFailuresCountAsErrors() {
        RequestEvent.Metadata metadata = new RequestEvent.Metadata(ApiKey.METADATA, (short) 12, 1, CLIENT, BROKER);

        emit(new RequestEvent.Stop(metadata, TOOK, 100, 200, Outcome.ok()),
                new RequestEvent.Stop(metadata, TOOK, 100, 200, Outcome.ok()),
                new RequestEvent.Stop(metadata, TOOK, 100, 0, Outcome.error(new IllegalStateException("gone"))));

        Timer ok = registry.get("kafkaex.request").tags("client.id", CLIENT, "api", "METADATA", "broker", "1",
                "outcome", "success", "error", "none").timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(14);
        assertThat(registry.get("kafkaex.request").tags("outcome", "error", "error", "IllegalStateException").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("kafkaex.errors").tags("client.id", CLIENT, "source", "request", "error",
                "IllegalStateException").counter().count()).isEqualTo(1);
    }

    @Test
    void aRequestToABootstrapAddressIsTaggedBootstrap() {
        BrokerInfo bootstrap = new BrokerInfo(BrokerInfo.UNKNOWN_NODE_ID, "localhost", 9092);

        emit(new RequestEvent.Stop(new RequestEvent.Metadata(ApiKey.API_VERSIONS, (short) 3, 0, CLIENT, bootstrap),
                TOOK, 10, 10, Outcome.ok()));

        assertThat(registry.get("kafkaex.request").tags("broker", "bootstrap").timer().count()).isEqualTo(1);
    }

    @Test
    void produceAndConsumerSpansAreTimedPerTopicOrGroup() {
        emit(new ProduceEvent.Stop(new ProduceEvent.Metadata("orders", 3, CLIENT, (short) -1), TOOK, 5, 42, Outcome.ok()),
                new ProduceEvent.Thrown(new ProduceEvent.Metadata("orders", 3, CLIENT, (short) -1), TOOK,
                        new IllegalArgumentException("bad")),
                new CommitEvent.Stop(new CommitEvent.Metadata("g1", CLIENT, List.of("orders"), 2), TOOK, Outcome.ok()),
                new JoinEvent.Stop(new JoinEvent.Metadata("g1", "m1", List.of("orders")), TOOK, 3, true, Outcome.ok()),
                new SyncEvent.Stop(new SyncEvent.Metadata("g1", "m1", 3, true), TOOK, 4, Outcome.ok()),
                new HeartbeatEvent.Stop(new HeartbeatEvent.Metadata("g1", "m1", 3), TOOK, Outcome.ok()),
                new LeaveEvent.Stop(new LeaveEvent.Metadata("g1", "m1"), TOOK, Outcome.ok()));

        assertThat(registry.get("kafkaex.produce").tags("topic", "orders", "outcome", "success").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("kafkaex.produce").tags("outcome", "exception", "error", "IllegalArgumentException")
                .timer().count()).isEqualTo(1);
        for (String name : List.of("kafkaex.consumer.commit", "kafkaex.consumer.join", "kafkaex.consumer.sync",
                "kafkaex.consumer.heartbeat", "kafkaex.consumer.leave")) {
            assertThat(registry.get(name).tags("client.id", CLIENT, "group", "g1", "outcome", "success").timer()
                    .count()).as(name).isEqualTo(1);
        }
        assertThat(registry.get("kafkaex.errors").tags("source", "produce").counter().count()).isEqualTo(1);
    }

    @Test
    void producerRequestsAreSummarisedByRecordsBytesAndCompressionPerBroker() {
        emit(new ProducerRequestEvent(CLIENT, BROKER, 2, 100, 4_000, 10_000, 2_500, 1_000_000, 1),
                new ProducerRequestEvent(CLIENT, BROKER, 1, 50, 6_000, 6_000, 6_000, 1_000_000, 2));

        DistributionSummary records = registry.get("kafkaex.producer.request.records")
                .tags("client.id", CLIENT, "broker", "1").summary();
        assertThat(records.count()).isEqualTo(2);
        assertThat(records.totalAmount()).isEqualTo(150);
        assertThat(registry.get("kafkaex.producer.request.bytes").tags("broker", "1").summary().totalAmount())
                .isEqualTo(10_000);
        assertThat(registry.get("kafkaex.producer.compression.ratio").summary().max()).isEqualTo(1.0);
        assertThat(registry.get("kafkaex.producer.compression.ratio").summary().totalAmount()).isEqualTo(1.4);
    }

    @Test
    void connectionsAreCountedByEventAndReason() {
        ConnectionEvent.Metadata metadata = new ConnectionEvent.Metadata(BROKER, false);

        emit(new ConnectionEvent.Stop(metadata, TOOK, Outcome.ok()),
                new ConnectionEvent.Stop(metadata, TOOK, Outcome.error(new java.net.ConnectException("refused"))),
                new ConnectionEvent.Closed(metadata, ConnectionCloseReason.REMOTE_CLOSED));

        assertThat(registry.get("kafkaex.connections").tags("broker", "1", "event", "opened").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("kafkaex.connections").tags("event", "failed", "reason", "ConnectException").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("kafkaex.connections").tags("event", "closed", "reason", "remote_closed").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void rebalancesAreCountedByGroupAndReason() {
        emit(new RebalanceEvent("g1", "m1", 3, RebalanceReason.REBALANCE_IN_PROGRESS, KafkaError.REBALANCE_IN_PROGRESS));

        assertThat(registry.get("kafkaex.consumer.rebalances").tags("client.id", CLIENT, "group", "g1", "reason",
                "rebalance_in_progress").counter().count()).isEqualTo(1);
    }

    @Test
    void lagGaugesFollowTheLatestLagEventOfEachPartition() {
        emit(lag("g1", 0, 100, 90), lag("g1", 0, 120, 119), lag("g1", 1, 50, 50));

        assertThat(registry.get("kafkaex.consumer.lag").tags("client.id", CLIENT, "group", "g1", "topic", "orders",
                "partition", "0").gauge().value()).isEqualTo(1);
        assertThat(registry.get("kafkaex.consumer.lag.committed").tags("partition", "0").gauge().value())
                .isEqualTo(11);
        assertThat(registry.get("kafkaex.consumer.lag").gauges()).hasSize(2);
    }

    @Test
    void lagGaugesOfAGroupAreRemovedWhenItsMemberRebalancesRejoinsOrLeaves() {
        emit(lag("g1", 0, 100, 90), lag("g2", 0, 100, 90));
        emit(new RebalanceEvent("g1", "m1", 3, RebalanceReason.HEARTBEAT_TIMEOUT, KafkaError.NONE));
        assertThat(lagGroups()).containsExactly("g2");

        emit(lag("g1", 0, 100, 90));
        emit(new JoinEvent.Start(new JoinEvent.Metadata("g1", "m1", List.of("orders")), java.time.Instant.now()));
        assertThat(lagGroups()).containsExactly("g2");

        emit(new LeaveEvent.Start(new LeaveEvent.Metadata("g2", "m2"), java.time.Instant.now()));
        assertThat(registry.find("kafkaex.consumer.lag").gauges()).isEmpty();
        assertThat(registry.find("kafkaex.consumer.lag.committed").gauges()).isEmpty();
    }

    @Test
    void withoutLagGaugesLagEventsRegisterNothing() {
        Telemetry withoutLag = Telemetry.of(List.of(new MicrometerTelemetryListener(registry, false)));
        withoutLag.clientStarted(client);

        withoutLag.emit(lag("g1", 0, 100, 90));

        assertThat(registry.find("kafkaex.consumer.lag").gauges()).isEmpty();
    }

    @Test
    void requestsInFlightAreAGaugeOfTheClientsState() {
        client.inFlight = 4;

        assertThat(registry.get("kafkaex.requests.in-flight").tags("client.id", CLIENT).gauge().value()).isEqualTo(4);
    }

    @Test
    void closingTheClientRemovesEveryMeterOfItAndNoOtherClients() {
        emit(lag("g1", 0, 100, 90), new RebalanceEvent("g1", "m1", 3, RebalanceReason.HEARTBEAT_TIMEOUT, KafkaError.NONE),
                new RequestEvent.Stop(new RequestEvent.Metadata(ApiKey.METADATA, (short) 12, 1, CLIENT, BROKER), TOOK,
                        1, 1, Outcome.ok()));
        emit(lag("g1", 0, 100, 90));
        registry.counter("kafkaex.errors", "client.id", "another-client").increment();
        registry.counter("http.requests", "client.id", CLIENT).increment();

        telemetry.clientClosed(client);

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName() + " "
                + meter.getId().getTag("client.id")).containsExactlyInAnyOrder("kafkaex.errors another-client",
                        "http.requests " + CLIENT);
    }

    private List<String> lagGroups() {
        return registry.find("kafkaex.consumer.lag").gauges().stream().map(g -> g.getId().getTag("group")).toList();
    }

    private static ConsumerLagEvent lag(String group, int partition, long highWatermark, long position) {
        long committed = position - 10;
        return new ConsumerLagEvent(group, "orders", partition, highWatermark, committed, position,
                highWatermark - committed, highWatermark - position);
    }

    private void emit(TelemetryEvent... events) {
        for (TelemetryEvent event : events) {
            telemetry.emit(event);
        }
    }

    /** A client whose requests in flight the test sets. */
    private static final class FakeClient implements ClientState {
        volatile int inFlight;

        @Override
        public String clientId() {
            return CLIENT;
        }

        @Override
        public int requestsInFlight() {
            return inFlight;
        }

        @Override
        public boolean isClosed() {
            return false;
        }
    }
}
