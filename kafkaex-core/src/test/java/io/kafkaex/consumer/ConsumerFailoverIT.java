package io.kafkaex.consumer;

import io.kafkaex.client.CommittedOffset;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.cluster.CoordinatorType;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExCluster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;

import static io.kafkaex.consumer.GroupTestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member consuming while the broker that is both its group coordinator and the leader of some of its partitions is
 * killed, or stopped, mid-run (replication factor 3, min.insync.replicas 2): the fetcher follows the new leaders, the
 * membership and the commits find the new coordinator, nothing is lost and the committed offsets reach the end of
 * every partition.
 */
@KafkaExCluster(brokers = 3)
class ConsumerFailoverIT {

    private static final int PARTITIONS = 6;
    private static final int PER_PARTITION = 10_000;
    private static final long TOTAL = (long) PARTITIONS * PER_PARTITION;

    @Test
    void everyRecordIsHandledAndCommittedWhenTheCoordinatorAndLeaderIsKilledMidRun(KafkaTestCluster cluster) {
        consumeThroughFailover(cluster, "consumer-failover-kill", KafkaTestCluster::killBroker);
    }

    @Test
    void everyRecordIsHandledAndCommittedWhenTheCoordinatorAndLeaderIsStoppedMidRun(KafkaTestCluster cluster) {
        // a controlled shutdown moves leadership and the coordinator before the broker goes, so the member may meet
        // NOT_COORDINATOR and NOT_LEADER_OR_FOLLOWER answers rather than lost connections
        consumeThroughFailover(cluster, "consumer-failover-stop", KafkaTestCluster::stopBroker);
    }

    private static void consumeThroughFailover(KafkaTestCluster cluster, String topic,
            ObjIntConsumer<KafkaTestCluster> failure) {
        for (int id : cluster.brokerIds()) {
            if (!cluster.isRunning(id)) {
                cluster.startBroker(id); // the other case's victim
            }
        }
        cluster.createTopic(topic, PARTITIONS, 3, Map.of("min.insync.replicas", "2"));
        GroupTestSupport.produce(cluster, topic, PARTITIONS, PER_PARTITION);
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder();
        recorder.recordsPerMilliSleep = 2; // 0.5 ms a record: about 5 s per partition, in chunks of a few hundred
        try (KafkaExClient admin = KafkaExClient.create(GroupTestSupport.client(cluster, topic + "-admin"))) {
            String group = groupCoordinatedByALeader(cluster, admin, topic);
            int victim = admin.findCoordinatorSync(CoordinatorType.GROUP, group).id();
            // a 10-s session, so that the failover (a few seconds) need not cost the member its membership
            try (KafkaExConsumerGroup consumer = KafkaExConsumerGroup.start(member(cluster, group, topic, topic + "-member")
                    .sessionTimeout(Duration.ofSeconds(10)).heartbeatInterval(Duration.ofSeconds(1))
                    .fetch(FetcherOptions.defaults().withPartitionMaxBytes(8 * 1024)).build(), recorder)) {
                Eventually.until(Duration.ofSeconds(60), () -> recorder.distinctHandled() >= TOTAL / 3);
                failure.accept(cluster, victim);
                assertThat(recorder.distinctHandled()).as("records remain when the broker goes").isLessThan(TOTAL);

                Eventually.until(Duration.ofSeconds(120), () -> recorder.distinctHandled() == TOTAL);
                for (int p = 0; p < PARTITIONS; p++) {
                    assertThat(recorder.handled.get(new TopicPartition(topic, p))).as("partition %d", p)
                            .containsOnlyKeys(IntStream.range(0, PER_PARTITION).mapToObj(Long::valueOf).toList());
                }
                Eventually.until(Duration.ofSeconds(60), () -> consumer.isStable() && consumer.assignments().size() == PARTITIONS
                        && committedEverywhere(admin, group, topic));
                assertThat(consumer.failure()).isEmpty();
                assertThat(consumer.partitionErrors()).isEmpty();
                try (KafkaExClient fresh = KafkaExClient.create(GroupTestSupport.client(cluster, topic + "-check"))) {
                    assertThat(fresh.findCoordinatorSync(CoordinatorType.GROUP, group).id())
                            .as("the final commits went to a new coordinator").isNotEqualTo(victim);
                }
                assertThat(consumer.lag().values()).allSatisfy(lag -> assertThat(lag.committedOffset()).isEqualTo(PER_PARTITION));
            }
        }
    }

    /**
     * A group whose coordinator also leads partitions of the topic, so that one kill moves both; with six partitions
     * led by three brokers, the first name nearly always fits.
     */
    private static String groupCoordinatedByALeader(KafkaTestCluster cluster, KafkaExClient admin, String topic) {
        for (int i = 0; i < 20; i++) {
            String group = topic + "-group-" + i;
            int coordinator = admin.findCoordinatorSync(CoordinatorType.GROUP, group).id();
            boolean leads = IntStream.range(0, PARTITIONS).anyMatch(p ->
                    cluster.metadata(topic).partition(topic, p).orElseThrow().leader() == coordinator);
            if (leads) {
                return group;
            }
        }
        throw new AssertionError("no group among 20 names is coordinated by a leader of " + topic);
    }

    private static boolean committedEverywhere(KafkaExClient admin, String group, String topic) {
        try {
            List<CommittedOffset> committed = admin.fetchCommittedOffsetSync(group, topic,
                    IntStream.range(0, PARTITIONS).boxed().toList());
            return committed.size() == PARTITIONS && committed.stream().allMatch(c -> c.offset() == PER_PARTITION);
        } catch (RuntimeException coordinatorMoving) {
            return false;
        }
    }
}
