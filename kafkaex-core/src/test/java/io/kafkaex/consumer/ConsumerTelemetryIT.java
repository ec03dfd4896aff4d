package io.kafkaex.consumer;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.telemetry.CommitEvent;
import io.kafkaex.telemetry.ConsumerLagEvent;
import io.kafkaex.telemetry.HeartbeatEvent;
import io.kafkaex.telemetry.JoinEvent;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.LeaveEvent;
import io.kafkaex.telemetry.ProcessEvent;
import io.kafkaex.telemetry.RebalanceEvent;
import io.kafkaex.telemetry.RebalanceReason;
import io.kafkaex.telemetry.SyncEvent;
import io.kafkaex.telemetry.TelemetryEvent;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kafkaex.consumer.GroupTestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The telemetry of a member through its life: join and sync, heartbeats, batches handled and committed, lag down to
 * zero, a rebalance when a second member joins, and the leave on close, each with the metadata that says who and what.
 */
@KafkaExBroker
class ConsumerTelemetryIT {

    private static final String TOPIC = "consumer-telemetry-it";
    private static final String GROUP = "consumer-telemetry-it-group";
    private static final int PER_PARTITION = 150;

    @Test
    void aMembersLifeEmitsJoinSyncHeartbeatProcessCommitLagRebalanceAndLeaveEvents(KafkaTestCluster cluster) {
        cluster.createTopic(TOPIC, 2, 1);
        GroupTestSupport.produce(cluster, TOPIC, 2, PER_PARTITION);
        List<TelemetryEvent> events = new CopyOnWriteArrayList<>();
        KafkaExClientOptions observed = GroupTestSupport.client(cluster, "consumer-telemetry-it-a").toBuilder()
                .telemetryListener(new KafkaExTelemetryListener() {
                    @Override
                    public void onEvent(TelemetryEvent event) {
                        events.add(event);
                    }
                }).build();
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder();
        KafkaExConsumerGroup first = KafkaExConsumerGroup.start(member(observed, GROUP, TOPIC).build(), recorder);
        KafkaExConsumerGroup second = null;
        String memberId;
        int generationBeforeSecond;
        try {
            Eventually.until(() -> recorder.distinctHandled() == 2 * PER_PARTITION);
            Eventually.until(() -> caughtUp(of(events, ConsumerLagEvent.class), 0)
                    && caughtUp(of(events, ConsumerLagEvent.class), 1));
            memberId = first.memberId();
            generationBeforeSecond = first.generationId();

            second = KafkaExConsumerGroup.start(member(cluster, GROUP, TOPIC, "consumer-telemetry-it-b").build(),
                    new GroupTestSupport.Recorder());
            KafkaExConsumerGroup joined = second;
            Eventually.until(() -> first.isStable() && joined.isStable() && first.assignments().size() == 1
                    && joined.assignments().size() == 1 && first.generationId() == joined.generationId());
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }

        List<JoinEvent.Stop> joins = of(events, JoinEvent.Stop.class).stream().filter(join -> join.outcome().isOk()).toList();
        assertThat(of(events, JoinEvent.Start.class)).isNotEmpty().allSatisfy(start -> {
            assertThat(start.metadata().groupId()).isEqualTo(GROUP);
            assertThat(start.metadata().topics()).containsExactly(TOPIC);
        });
        assertThat(of(events, JoinEvent.Start.class).get(0).metadata().memberId()).as("a first join has no member id").isEmpty();
        assertThat(joins).as("the first join and the rejoin").hasSizeGreaterThanOrEqualTo(2);
        assertThat(joins.get(0).leader()).as("alone at first, the member leads").isTrue();
        assertThat(joins.get(0).generationId()).isEqualTo(generationBeforeSecond);
        assertThat(joins.get(joins.size() - 1).generationId()).isGreaterThan(generationBeforeSecond);

        List<SyncEvent.Stop> syncs = of(events, SyncEvent.Stop.class).stream().filter(sync -> sync.outcome().isOk()).toList();
        assertThat(of(events, SyncEvent.Start.class)).hasSizeGreaterThanOrEqualTo(syncs.size());
        assertThat(syncs).hasSizeGreaterThanOrEqualTo(2).allSatisfy(sync -> {
            assertThat(sync.metadata().groupId()).isEqualTo(GROUP);
            assertThat(sync.metadata().memberId()).isEqualTo(memberId);
        });
        assertThat(syncs.get(0).assignedPartitions()).as("both partitions while alone").isEqualTo(2);
        assertThat(syncs.get(syncs.size() - 1).assignedPartitions()).as("one of two once the second joined").isEqualTo(1);

        assertThat(of(events, HeartbeatEvent.Stop.class)).anySatisfy(beat -> {
            assertThat(beat.outcome().isOk()).isTrue();
            assertThat(beat.metadata().memberId()).isEqualTo(memberId);
            assertThat(beat.metadata().generationId()).isEqualTo(generationBeforeSecond);
        });

        assertThat(of(events, CommitEvent.Stop.class)).anySatisfy(commit -> {
            assertThat(commit.outcome().isOk()).isTrue();
            assertThat(commit.metadata().groupId()).isEqualTo(GROUP);
            assertThat(commit.metadata().clientId()).isEqualTo("consumer-telemetry-it-a");
            assertThat(commit.metadata().topics()).containsExactly(TOPIC);
        });

        List<ProcessEvent.Start> processStarts = of(events, ProcessEvent.Start.class);
        List<ProcessEvent.Stop> processStops = of(events, ProcessEvent.Stop.class);
        long handledByFirst = recorder.handled.values().stream().flatMap(offsets -> offsets.values().stream())
                .mapToLong(AtomicInteger::get).sum();
        assertThat(processStops).hasSameSizeAs(processStarts).allSatisfy(stop -> {
            assertThat(stop.commitMode()).as("the recorder commits asynchronously").isEqualTo(ProcessEvent.CommitMode.ASYNC);
            assertThat(stop.metadata().groupId()).isEqualTo(GROUP);
            assertThat(stop.metadata().topic()).isEqualTo(TOPIC);
            assertThat(stop.metadata().consumer()).as("the consumer name defaults to the group id").isEqualTo(GROUP);
        });
        assertThat(processStarts.stream().mapToLong(ProcessEvent.Start::messageCount).sum()).isEqualTo(handledByFirst);
        assertThat(processStops.stream().mapToLong(ProcessEvent.Stop::messageCount).sum()).isEqualTo(handledByFirst);

        assertThat(of(events, RebalanceEvent.class)).anySatisfy(rebalance -> {
            assertThat(rebalance.reason()).isEqualTo(RebalanceReason.REBALANCE_IN_PROGRESS);
            assertThat(rebalance.error()).isEqualTo(KafkaError.REBALANCE_IN_PROGRESS);
            assertThat(rebalance.groupId()).isEqualTo(GROUP);
            assertThat(rebalance.memberId()).isEqualTo(memberId);
            assertThat(rebalance.generationId()).isEqualTo(generationBeforeSecond);
        });

        List<LeaveEvent> leaves = of(events, LeaveEvent.class);
        assertThat(leaves).hasSize(2);
        assertThat(leaves.get(0)).isInstanceOf(LeaveEvent.Start.class);
        assertThat(leaves.get(1)).isInstanceOfSatisfying(LeaveEvent.Stop.class,
                stop -> assertThat(stop.outcome().isOk()).isTrue());
        assertThat(leaves).allSatisfy(leave -> {
            assertThat(leave.metadata().groupId()).isEqualTo(GROUP);
            assertThat(leave.metadata().memberId()).isEqualTo(memberId);
        });

        assertThat(of(events, ConsumerLagEvent.class)).allSatisfy(lag -> {
            assertThat(lag.groupId()).isEqualTo(GROUP);
            assertThat(lag.topic()).isEqualTo(TOPIC);
            assertThat(lag.positionLag()).isEqualTo(lag.highWatermark() - lag.position());
        });
    }

    /** Whether a lag event shows {@code partition} processed to its end, all of it. */
    private static boolean caughtUp(List<ConsumerLagEvent> lags, int partition) {
        return lags.stream().anyMatch(lag -> lag.partition() == partition && lag.highWatermark() == PER_PARTITION
                && lag.position() == PER_PARTITION && lag.positionLag() == 0);
    }

    private static <E> List<E> of(List<TelemetryEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
