package io.kafkaex.consumer;

import io.kafkaex.client.CommitOptions;
import io.kafkaex.client.CommittedOffset;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.PartitionCommit;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.assignor.PartitionAssignors;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.RebalanceEvent;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.kafkaex.consumer.GroupTestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;

/** Consumer group members against a real broker: assignment, moves, commits, slow handlers, static members. */
@KafkaExBroker
class ConsumerGroupIT {

    @Test
    void threeMembersShareSixPartitionsEachAssignedToExactlyOne(KafkaTestCluster cluster) {
        String topic = "cg-it-three";
        cluster.createTopic(topic, 6, 1);
        GroupTestSupport.produce(cluster, topic, 6, 100);
        Map<TopicPartition, Map<Long, AtomicInteger>> handled = new ConcurrentHashMap<>();
        List<KafkaExConsumerGroup> members = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                members.add(KafkaExConsumerGroup.start(member(cluster, "cg-it-three-group", topic, "m" + i).build(),
                        new GroupTestSupport.Recorder(handled)));
            }
            Eventually.until(() -> members.stream().allMatch(KafkaExConsumerGroup::isStable)
                    && members.stream().mapToInt(m -> m.assignments().size()).sum() == 6
                    && sameGeneration(members));
            Set<TopicPartition> union = new HashSet<>();
            members.forEach(m -> {
                assertThat(m.assignments()).as("range over 6 partitions and 3 members").hasSize(2);
                union.addAll(m.assignments());
            });
            assertThat(union).hasSize(6);
            Eventually.until(() -> distinct(handled) == 600);
            assertThat(handled.values()).allSatisfy(offsets -> assertThat(offsets.keySet())
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 100).mapToObj(Long::valueOf).toList()));
            assertThat(members.stream().filter(KafkaExConsumerGroup::isLeader)).hasSize(1);
        } finally {
            members.forEach(KafkaExConsumerGroup::close);
        }
    }

    @Test
    void aClosingMembersPartitionsMoveWithTheirCommittedOffsetsSoNothingIsLostOrRepeated(KafkaTestCluster cluster) {
        String topic = "cg-it-close";
        String group = "cg-it-close-group";
        cluster.createTopic(topic, 6, 1);
        GroupTestSupport.produce(cluster, topic, 6, 2_000);
        Map<TopicPartition, Map<Long, AtomicInteger>> handled = new ConcurrentHashMap<>();
        GroupTestSupport.Recorder slowA = new GroupTestSupport.Recorder(handled);
        slowA.sleepPerBatch = Duration.ofMillis(20);
        GroupTestSupport.Recorder slowB = new GroupTestSupport.Recorder(handled);
        slowB.sleepPerBatch = Duration.ofMillis(20);
        KafkaExConsumerGroup a = KafkaExConsumerGroup.start(member(cluster, group, topic, "a").build(), slowA);
        KafkaExConsumerGroup b = KafkaExConsumerGroup.start(member(cluster, group, topic, "b").build(), slowB);
        try {
            Eventually.until(() -> a.isStable() && b.isStable() && a.assignments().size() == 3 && b.assignments().size() == 3);
            Eventually.until(() -> distinct(handled) > 100);
            a.close();
            Eventually.until(() -> b.isStable() && b.assignments().size() == 6);
            Eventually.until(() -> distinct(handled) == 12_000);
            assertThat(duplicates(handled)).as("a clean close commits what it handled before the partitions move")
                    .isZero();
        } finally {
            a.close();
            b.close();
        }
        try (KafkaExClient client = KafkaExClient.create(GroupTestSupport.client(cluster, "cg-it-close-check"))) {
            for (int p = 0; p < 6; p++) {
                List<CommittedOffset> committed = client.fetchCommittedOffsetSync(group, topic, List.of(p));
                assertThat(committed.get(0).offset()).as("partition %d committed on close", p).isEqualTo(2_000);
            }
        }
    }

    @Test
    void aHandlerSlowerThanTheSessionTimeoutKeepsItsMembership(KafkaTestCluster cluster) {
        String topic = "cg-it-slow";
        cluster.createTopic(topic, 1, 1);
        GroupTestSupport.produce(cluster, topic, 1, 3);
        List<RebalanceEvent> rebalances = new CopyOnWriteArrayList<>();
        GroupTestSupport.Recorder slow = new GroupTestSupport.Recorder();
        slow.sleepPerBatch = Duration.ofSeconds(5); // the session timeout is 3 s
        ConsumerGroupOptions options = member(cluster, "cg-it-slow-group", topic, "slow").build();
        ConsumerGroupOptions withTelemetry = ConsumerGroupOptions.builder(
                        options.client().toBuilder().telemetryListener(new KafkaExTelemetryListener() {
                            @Override
                            public void onConsumerRebalance(RebalanceEvent event) {
                                rebalances.add(event);
                            }
                        }).build(), options.groupId(), options.topics())
                .sessionTimeout(options.sessionTimeout()).heartbeatInterval(options.heartbeatInterval())
                .autoOffsetReset(OffsetResetPolicy.EARLIEST).build();
        try (KafkaExConsumerGroup member = KafkaExConsumerGroup.start(withTelemetry, slow)) {
            Eventually.until(member::isStable);
            int generation = member.generationId();
            String memberId = member.memberId();
            Eventually.until(() -> distinct(slow.handled) == 3);
            Eventually.until(() -> member.lag().values().stream().allMatch(lag -> lag.position() == 3));
            assertThat(member.isStable()).isTrue();
            assertThat(member.generationId()).isEqualTo(generation);
            assertThat(member.memberId()).isEqualTo(memberId);
            assertThat(rebalances).isEmpty();
        }
    }

    @Test
    void seeksToATimestampTheBeginningAndTheEndHandleFromThere(KafkaTestCluster cluster) throws Exception {
        String topic = "cg-it-seek";
        cluster.createTopic(topic, 1, 1);
        long base = System.currentTimeMillis() - 60_000;
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(
                GroupTestSupport.client(cluster, "cg-it-seek-producer")).build())) {
            for (int i = 0; i < 10; i++) {
                producer.send(ProducerRecord.of(topic, 0, null, new byte[] {(byte) i}).withTimestamp(base + i * 1_000L));
            }
            producer.flush();
        }
        TopicPartition partition = new TopicPartition(topic, 0);
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder();
        try (KafkaExConsumerGroup member = KafkaExConsumerGroup.start(member(cluster, "cg-it-seek-group", topic, "seek")
                .build(), recorder)) {
            Eventually.until(() -> distinct(recorder.handled) == 10);
            member.seekToTimestamp(partition, base + 5_000).get(10, TimeUnit.SECONDS);
            Eventually.until(() -> handledTimes(recorder, partition, 9) == 2);
            assertThat(handledTimes(recorder, partition, 4)).as("before the timestamp").isEqualTo(1);
            assertThat(handledTimes(recorder, partition, 5)).isEqualTo(2);

            member.seekToBeginning(partition).get(10, TimeUnit.SECONDS);
            Eventually.until(() -> handledTimes(recorder, partition, 9) == 3);
            assertThat(handledTimes(recorder, partition, 0)).isEqualTo(2);

            member.seekToEnd(partition).get(10, TimeUnit.SECONDS);
            GroupTestSupport.produce(cluster, topic, 1, 1);
            Eventually.until(() -> handledTimes(recorder, partition, 10) == 1);
            assertThat(handledTimes(recorder, partition, 0)).as("nothing old after the seek to the end").isEqualTo(2);
            Eventually.until(() -> member.lag().get(partition).committedOffset() == 11);
        }
    }

    private static int handledTimes(GroupTestSupport.Recorder recorder, TopicPartition partition, long offset) {
        AtomicInteger count = recorder.handled.getOrDefault(partition, Map.of()).get(offset);
        return count == null ? 0 : count.get();
    }

    @Test
    void aBlockedPartitionDoesNotStallTheOthers(KafkaTestCluster cluster) throws Exception {
        String topic = "cg-it-blocked";
        cluster.createTopic(topic, 3, 1);
        GroupTestSupport.produce(cluster, topic, 3, 200);
        CountDownLatch release = new CountDownLatch(1);
        Map<TopicPartition, Map<Long, AtomicInteger>> handled = new ConcurrentHashMap<>();
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder(handled) {
            @Override
            public HandleResult<TopicPartition> handleMessageSet(List<io.kafkaex.protocol.record.Record> records,
                    TopicPartition partition) {
                if (partition.partition() == 0) {
                    awaitQuietly(release);
                }
                return super.handleMessageSet(records, partition);
            }
        };
        try (KafkaExConsumerGroup member = KafkaExConsumerGroup.start(member(cluster, "cg-it-blocked-group", topic,
                "blocked").build(), recorder)) {
            Eventually.until(() -> distinct(handled) == 400);
            assertThat(handled).as("partition 0 is still blocked").doesNotContainKey(new TopicPartition(topic, 0));
            release.countDown();
            Eventually.until(() -> distinct(handled) == 600);
        } finally {
            release.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void noCommittedOffsetWithResetNoneIsAClearErrorAndNothingIsConsumed(KafkaTestCluster cluster) {
        String topic = "cg-it-none";
        cluster.createTopic(topic, 2, 1);
        GroupTestSupport.produce(cluster, topic, 2, 5);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder();
        try (KafkaExConsumerGroup member = KafkaExConsumerGroup.start(member(cluster, "cg-it-none-group", topic, "none")
                .autoOffsetReset(OffsetResetPolicy.NONE).errorListener((partition, error) -> errors.add(error)).build(),
                recorder)) {
            Eventually.until(() -> errors.size() == 2);
            assertThat(errors).allSatisfy(error -> assertThat(error).isInstanceOf(NoCommittedOffsetException.class)
                    .hasMessageContaining("cg-it-none-group").hasMessageContaining("auto-offset-reset is NONE")
                    .hasMessageContaining("EARLIEST or LATEST"));
            assertThat(member.partitionErrors()).containsOnlyKeys(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            assertThat(recorder.handled).isEmpty();
            assertThat(member.isStable()).as("the member stays in the group").isTrue();

            member.seek(new TopicPartition(topic, 1), 2);
            Eventually.until(() -> distinct(recorder.handled) == 3);
            assertThat(recorder.handled.get(new TopicPartition(topic, 1))).containsOnlyKeys(2L, 3L, 4L);
        }
    }

    @Test
    void aNewGroupStartsAtTheCommittedOffsetOrPerItsResetPolicy(KafkaTestCluster cluster) {
        String topic = "cg-it-start";
        cluster.createTopic(topic, 3, 1);
        GroupTestSupport.produce(cluster, topic, 3, 10);
        try (KafkaExClient client = KafkaExClient.create(GroupTestSupport.client(cluster, "cg-it-start-commit"))) {
            client.commitOffsetSync("cg-it-start-latest", topic, List.of(PartitionCommit.of(0, 4)), CommitOptions.standalone());
        }
        GroupTestSupport.Recorder latest = new GroupTestSupport.Recorder();
        try (KafkaExConsumerGroup member = KafkaExConsumerGroup.start(member(cluster, "cg-it-start-latest", topic, "latest")
                .autoOffsetReset(OffsetResetPolicy.LATEST).build(), latest)) {
            Eventually.until(() -> member.isStable() && member.lag().size() == 3);
            Eventually.until(() -> distinct(latest.handled) == 6);
            assertThat(latest.handled).as("partition 0 from its committed offset 4, the others from their end only")
                    .containsOnlyKeys(new TopicPartition(topic, 0));
            assertThat(member.lag().get(new TopicPartition(topic, 1)).position()).isEqualTo(10);
            GroupTestSupport.produce(cluster, topic, 3, 1);
            Eventually.until(() -> distinct(latest.handled) == 9);
            assertThat(latest.handled.get(new TopicPartition(topic, 2))).containsOnlyKeys(10L);
        }
    }

    @Test
    void theLeaderRejoinsWhenASubscribedTopicGrows(KafkaTestCluster cluster) {
        String topic = "cg-it-grow";
        cluster.createTopic(topic, 2, 1);
        ConsumerGroupOptions base = member(cluster, "cg-it-grow-group", topic, "grow").build();
        ConsumerGroupOptions checkingEverySecond = ConsumerGroupOptions.builder(base.client().toBuilder()
                        .metadataRefreshInterval(Duration.ofSeconds(1)).build(), base.groupId(), base.topics())
                .sessionTimeout(base.sessionTimeout()).heartbeatInterval(base.heartbeatInterval())
                .autoOffsetReset(OffsetResetPolicy.EARLIEST).build();
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder();
        try (KafkaExConsumerGroup member = KafkaExConsumerGroup.start(checkingEverySecond, recorder);
                KafkaExClient admin = KafkaExClient.create(GroupTestSupport.client(cluster, "cg-it-grow-admin"))) {
            Eventually.until(() -> member.isStable() && member.assignments().size() == 2);
            admin.createPartitionsSync(Map.of(topic, 4), Duration.ofSeconds(10), false);
            Eventually.until(() -> member.isStable() && member.assignments().size() == 4);
            GroupTestSupport.produce(cluster, topic, 4, 1);
            Eventually.until(() -> recorder.handled.size() == 4);
        }
    }

    @Test
    void aStaticMemberRestartedWithinItsSessionTimeoutCausesNoRebalance(KafkaTestCluster cluster) {
        String topic = "cg-it-static";
        String group = "cg-it-static-group";
        cluster.createTopic(topic, 4, 1);
        ConsumerGroupOptions staticOptions = member(cluster, group, topic, "static").groupInstanceId("instance-a")
                .sessionTimeout(Duration.ofSeconds(10)).heartbeatInterval(Duration.ofSeconds(1)).build();
        KafkaExConsumerGroup dynamic = KafkaExConsumerGroup.start(member(cluster, group, topic, "dynamic").build(),
                new GroupTestSupport.Recorder());
        try {
            KafkaExConsumerGroup first = KafkaExConsumerGroup.start(staticOptions, new GroupTestSupport.Recorder());
            Eventually.until(() -> first.isStable() && dynamic.isStable() && first.assignments().size() == 2
                    && dynamic.assignments().size() == 2 && first.generationId() == dynamic.generationId());
            int generation = dynamic.generationId();
            Set<TopicPartition> staticPartitions = first.assignments();
            first.close();

            try (KafkaExConsumerGroup restarted = KafkaExConsumerGroup.start(staticOptions, new GroupTestSupport.Recorder())) {
                Eventually.until(restarted::isStable);
                assertThat(restarted.assignments()).isEqualTo(staticPartitions);
                assertThat(dynamic.generationId()).as("no rebalance").isEqualTo(generation);
                assertThat(dynamic.isStable()).isTrue();
            }
        } finally {
            dynamic.close();
        }
    }

    @Test
    void readCommittedSkipsAbortedTransactionsAndMovesPastTheirMarkers(KafkaTestCluster cluster) {
        String topic = "cg-it-txn";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(
                GroupTestSupport.client(cluster, "cg-it-txn-producer")).transactionalId("cg-it-txn").build())) {
            producer.initTransactions();
            for (String outcome : List.of("commit", "abort", "commit")) {
                producer.beginTransaction();
                for (int i = 0; i < 10; i++) {
                    producer.send(ProducerRecord.of(topic, 0, null, (outcome + i).getBytes(StandardCharsets.UTF_8)));
                }
                producer.flush(); // written before the end, so the aborted records are in the log
                if (outcome.equals("commit")) {
                    producer.commitTransaction();
                } else {
                    producer.abortTransaction();
                }
            }
        }
        // offsets: 0-9 committed, 10 marker, 11-20 aborted, 21 marker, 22-31 committed, 32 marker
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder();
        try (KafkaExConsumerGroup member = KafkaExConsumerGroup.start(member(cluster, "cg-it-txn-group", topic, "txn")
                .fetch(FetcherOptions.defaults().withReadCommitted(true)).build(), recorder)) {
            try {
                Eventually.until(() -> distinct(recorder.handled) == 20
                        && member.lag().values().stream().allMatch(lag -> lag.position() == 33));
            } catch (AssertionError notYet) {
                throw new AssertionError("handled " + recorder.handled + ", lag " + member.lag() + ", errors "
                        + member.partitionErrors(), notYet);
            }
            assertThat(recorder.handled.get(new TopicPartition(topic, 0)).keySet()).containsExactlyInAnyOrderElementsOf(
                    IntStream.concat(IntStream.range(0, 10), IntStream.range(22, 32)).mapToObj(Long::valueOf).toList());
            assertThat(member.lag().get(new TopicPartition(topic, 0)).positionLag()).isZero();
        }
    }

    @Test
    void aJoiningCooperativeMemberTakesPartitionsWithoutRevokingThoseThatStay(KafkaTestCluster cluster) {
        String topic = "cg-it-coop";
        String group = "cg-it-coop-group";
        cluster.createTopic(topic, 6, 1);
        GroupTestSupport.Recorder first = new GroupTestSupport.Recorder();
        GroupTestSupport.Recorder second = new GroupTestSupport.Recorder();
        ConsumerGroupOptions.Builder cooperative = member(cluster, group, topic, "coop-a")
                .assignors(List.of(PartitionAssignors.byName("cooperative-sticky")));
        try (KafkaExConsumerGroup a = KafkaExConsumerGroup.start(cooperative.build(), first)) {
            Eventually.until(() -> a.isStable() && a.assignments().size() == 6);
            try (KafkaExConsumerGroup b = KafkaExConsumerGroup.start(member(cluster, group, topic, "coop-b")
                    .assignors(List.of(PartitionAssignors.byName("cooperative-sticky"))).build(), second)) {
                Eventually.until(() -> a.isStable() && b.isStable() && a.assignments().size() == 3
                        && b.assignments().size() == 3);
                Set<TopicPartition> revokedFromA = new HashSet<>();
                first.revoked.forEach(revokedFromA::addAll);
                assertThat(revokedFromA).as("only what moved to b").isEqualTo(b.assignments());
                assertThat(first.received).as("a got its six once and nothing since").hasSize(1);
            }
        }
    }

    static boolean sameGeneration(List<KafkaExConsumerGroup> members) {
        return members.stream().mapToInt(KafkaExConsumerGroup::generationId).distinct().count() == 1;
    }

    static long distinct(Map<TopicPartition, Map<Long, AtomicInteger>> handled) {
        return handled.values().stream().mapToLong(Map::size).sum();
    }

    static long duplicates(Map<TopicPartition, Map<Long, AtomicInteger>> handled) {
        return handled.values().stream().flatMap(offsets -> offsets.values().stream())
                .filter(count -> count.get() > 1).count();
    }
}
