package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.telemetry.BrokerInfo;
import io.kafkaex.telemetry.CommitEvent;
import io.kafkaex.telemetry.ConnectionCloseReason;
import io.kafkaex.telemetry.ConnectionEvent;
import io.kafkaex.telemetry.FetchEvent;
import io.kafkaex.telemetry.HeartbeatEvent;
import io.kafkaex.telemetry.JoinEvent;
import io.kafkaex.telemetry.LeaveEvent;
import io.kafkaex.telemetry.MetadataUpdateEvent;
import io.kafkaex.telemetry.ProduceEvent;
import io.kafkaex.telemetry.RequestEvent;
import io.kafkaex.telemetry.SyncEvent;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request, connection, metadata, produce, fetch and group events a client emits against a real broker. */
@KafkaExBroker
class TelemetryIT {

    private static final String TOPIC = "telemetry-it";

    private final RecordingTelemetryListener recorder = new RecordingTelemetryListener();

    @Test
    void operationsAreReportedAsSpansWithTheirMeasurements(KafkaTestCluster cluster) {
        cluster.createTopic(TOPIC, 1, 1);
        try (KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers()).clientId("telemetry-it").telemetryListener(recorder).build())) {
            RecordMetadata written = client.produceSync(TOPIC, 0, List.of(value("a"), value("b")), ProduceOptions.defaults());
            FetchResult fetched = client.fetchSync(TOPIC, 0, 0, FetchOptions.defaults());

            ProduceEvent.Stop produced = recorder.single(ProduceEvent.Stop.class);
            assertThat(produced.metadata()).isEqualTo(new ProduceEvent.Metadata(TOPIC, 0, "telemetry-it", (short) -1));
            assertThat(produced.messageCount()).isEqualTo(2);
            assertThat(produced.baseOffset()).isEqualTo(written.baseOffset());
            assertThat(produced.outcome().isOk()).isTrue();
            assertThat(recorder.single(ProduceEvent.Start.class).messageCount()).isEqualTo(2);

            FetchEvent.Stop fetchStop = recorder.single(FetchEvent.Stop.class);
            assertThat(fetchStop.messageCount()).isEqualTo(fetched.records().size()).isEqualTo(2);
            assertThat(fetchStop.outcome().isOk()).isTrue();

            assertThat(recorder.all(MetadataUpdateEvent.Stop.class)).isNotEmpty().allSatisfy(stop -> {
                assertThat(stop.outcome().isOk()).isTrue();
                assertThat(stop.brokerCount()).isEqualTo(1);
                assertThat(stop.metadata().clientId()).isEqualTo("telemetry-it");
            });

            RequestEvent.Stop produceRequest = recorder.all(RequestEvent.Stop.class).stream()
                    .filter(stop -> stop.metadata().api() == ApiKey.PRODUCE).findFirst().orElseThrow();
            assertThat(produceRequest.metadata().broker().nodeId()).as("named from the metadata")
                    .isNotEqualTo(BrokerInfo.UNKNOWN_NODE_ID);
            assertThat(produceRequest.bytesSent()).isGreaterThan(60);
            assertThat(produceRequest.bytesReceived()).isGreaterThan(4);
            assertThat(produceRequest.outcome().isOk()).isTrue();
            assertThat(recorder.all(RequestEvent.Start.class)).as("every request has one start and one end")
                    .hasSameSizeAs(recorder.all(RequestEvent.Stop.class));
            assertThat(recorder.all(RequestEvent.Start.class)).extracting(start -> start.metadata().api())
                    .contains(ApiKey.API_VERSIONS, ApiKey.METADATA, ApiKey.PRODUCE, ApiKey.FETCH);

            assertThat(recorder.all(ConnectionEvent.Stop.class)).isNotEmpty()
                    .allSatisfy(stop -> assertThat(stop.outcome().isOk()).isTrue())
                    .hasSameSizeAs(recorder.all(ConnectionEvent.Start.class));
            assertThat(recorder.all(ConnectionEvent.Closed.class)).isEmpty();
        }
        assertThat(recorder.all(ConnectionEvent.Closed.class)).as("every connection closes once, at shutdown")
                .hasSameSizeAs(recorder.all(ConnectionEvent.Start.class))
                .allSatisfy(closed -> assertThat(closed.reason()).isEqualTo(ConnectionCloseReason.SHUTDOWN));
    }

    @Test
    void brokerErrorsAreStopEventsWithTheErrorAndKeepTheConnection(KafkaTestCluster cluster) {
        cluster.createTopic(TOPIC + "-errors", 1, 1);
        try (KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers()).clientId("telemetry-errors").telemetryListener(recorder).build())) {
            client.produceSync(TOPIC + "-errors", 0, List.of(value("x")), ProduceOptions.defaults());

            assertThatThrownBy(() -> client.fetchSync(TOPIC + "-errors", 0, 99, FetchOptions.defaults()))
                    .isInstanceOf(KafkaErrorException.class);
            FetchEvent.Stop failed = recorder.single(FetchEvent.Stop.class);
            assertThat(failed.outcome().isOk()).isFalse();
            assertThat(failed.outcome().errorName()).isEqualTo(KafkaError.OFFSET_OUT_OF_RANGE.name());
            assertThat(failed.messageCount()).isZero();
            assertThat(client.fetchSync(TOPIC + "-errors", 0, 0, FetchOptions.defaults()).records()).hasSize(1);
            assertThat(recorder.all(ConnectionEvent.Closed.class)).as("an error code leaves the connection open").isEmpty();

            assertThatThrownBy(() -> client.produceSync(TOPIC + "-errors", 0, List.of(), ProduceOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(recorder.single(ProduceEvent.Thrown.class).exception()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void groupCallsAreReportedWithTheirMembershipDetails(KafkaTestCluster cluster) {
        String topic = TOPIC + "-group";
        String group = "telemetry-it-group";
        cluster.createTopic(topic, 2, 1);
        try (KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers())
                .clientId("telemetry-group").maxRetries(30).telemetryListener(recorder).build())) {
            JoinGroupResult joined = client.joinGroupSync(JoinGroupOptions.consumer(group, List.of(topic)));
            client.syncGroupSync(SyncGroupOptions.after(group, joined,
                    Map.of(joined.memberId(), MemberAssignment.of(List.of(new PartitionAssignment(topic, List.of(0, 1)))))));
            client.heartbeatSync(group, joined.memberId(), joined.generationId());
            assertThatThrownBy(() -> client.heartbeatSync(group, joined.memberId(), joined.generationId() + 1))
                    .isInstanceOf(KafkaErrorException.class);
            client.commitOffsetSync(group, topic, List.of(PartitionCommit.of(0, 5), PartitionCommit.of(1, 7)),
                    CommitOptions.member(joined.generationId(), joined.memberId()));
            client.leaveGroupSync(group, joined.memberId());

            JoinEvent.Stop join = recorder.all(JoinEvent.Stop.class).get(recorder.all(JoinEvent.Stop.class).size() - 1);
            assertThat(join.metadata().groupId()).isEqualTo(group);
            assertThat(join.metadata().topics()).containsExactly(topic);
            assertThat(join.generationId()).isEqualTo(joined.generationId());
            assertThat(join.leader()).isTrue();
            assertThat(join.outcome().isOk()).isTrue();

            SyncEvent.Stop sync = recorder.single(SyncEvent.Stop.class);
            assertThat(sync.metadata()).isEqualTo(new SyncEvent.Metadata(group, joined.memberId(), joined.generationId(), true));
            assertThat(sync.assignedPartitions()).isEqualTo(2);

            assertThat(recorder.all(HeartbeatEvent.Stop.class)).extracting(stop -> stop.outcome().errorName())
                    .containsExactly("none", KafkaError.ILLEGAL_GENERATION.name());
            CommitEvent.Stop commit = recorder.single(CommitEvent.Stop.class);
            assertThat(commit.metadata()).isEqualTo(new CommitEvent.Metadata(group, "telemetry-group", List.of(topic), 2));
            assertThat(commit.outcome().isOk()).isTrue();
            assertThat(recorder.single(LeaveEvent.Stop.class).metadata()).isEqualTo(new LeaveEvent.Metadata(group, joined.memberId()));
        }
    }

    private static ProduceRecord value(String text) {
        return ProduceRecord.of(null, text.getBytes(StandardCharsets.UTF_8));
    }
}
