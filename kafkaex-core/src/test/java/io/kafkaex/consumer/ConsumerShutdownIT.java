package io.kafkaex.consumer;

import io.kafkaex.client.CommittedOffset;
import io.kafkaex.client.ConsumerGroupDescription;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.MemberDescription;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.kafkaex.consumer.GroupTestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing a member: it waits for the batch being handled (up to the shutdown timeout), commits it, leaves the group so
 * that its partitions move at once, and ends every thread it started; a handler stuck past the shutdown timeout does
 * not hold the close, and its records are handled again by the next owner.
 */
@KafkaExBroker
class ConsumerShutdownIT {

    /** Longer than any wait below: a partition that moves before it expires moved because the member left. */
    private static final Duration LONG_SESSION = Duration.ofSeconds(30);

    @Test
    void closeWaitsForTheBatchCommitsItAndLeavesSoThePartitionMovesBeforeTheSessionTimeout(KafkaTestCluster cluster)
            throws Exception {
        String topic = "shutdown-it-graceful";
        String group = "shutdown-it-graceful-group";
        cluster.createTopic(topic, 2, 1);
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder();
        SlowFirstBatch slow = new SlowFirstBatch(recorder, Duration.ofSeconds(2));
        KafkaExConsumerGroup remaining = KafkaExConsumerGroup.start(longSession(cluster, group, topic, "remaining")
                .build(), new GroupTestSupport.Recorder(recorder.handled));
        KafkaExConsumerGroup closing = KafkaExConsumerGroup.start(longSession(cluster, group, topic, "closing")
                .shutdownTimeout(Duration.ofSeconds(10)).build(), slow);
        try (KafkaExClient checker = KafkaExClient.create(GroupTestSupport.client(cluster, "shutdown-it-checker"))) {
            Eventually.until(() -> closing.isStable() && remaining.isStable() && closing.assignments().size() == 1
                    && remaining.assignments().size() == 1 && closing.generationId() == remaining.generationId());
            TopicPartition moving = closing.assignments().iterator().next();
            GroupTestSupport.produce(cluster, topic, 2, 200);
            assertThat(slow.inBatch.await(30, TimeUnit.SECONDS)).as("the slow batch started").isTrue();

            closing.close();
            long closedAt = System.nanoTime();
            assertThat(slow.batchesDone).as("close waited for the batch in progress").isEqualTo(1);
            long handledByClosing = slow.lastOffset + 1;
            assertThat(checker.fetchCommittedOffsetSync(group, topic, List.of(moving.partition())).get(0).offset())
                    .as("the batch's offset was committed on close").isEqualTo(handledByClosing);

            Eventually.until(LONG_SESSION.multipliedBy(2), () -> remaining.isStable() && remaining.assignments().size() == 2);
            // without a LeaveGroup the partition would move only once the 30-s session expired
            assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).as("moved well before the session could expire")
                    .isLessThan(LONG_SESSION.minusSeconds(10));
            ConsumerGroupDescription description = checker.describeGroupSync(group);
            assertThat(description.members()).extracting(MemberDescription::memberId).containsExactly(remaining.memberId());

            Eventually.until(() -> recorder.distinctHandled() == 400);
            assertThat(ConsumerGroupIT.duplicates(recorder.handled)).as("the new owner starts at the committed offset")
                    .isZero();
        } finally {
            closing.close();
            remaining.close();
        }
    }

    @Test
    void everyThreadTheMemberStartedEndsAfterClose(KafkaTestCluster cluster) {
        String topic = "shutdown-it-threads";
        String group = "shutdown-it-threads-group";
        String clientId = "shutdown-it-threads-client";
        cluster.createTopic(topic, 3, 1);
        GroupTestSupport.produce(cluster, topic, 3, 50);
        List<String> prefixes = List.of("kafkaex-group-" + group + "-", "kafkaex-consumer-" + group + "-",
                "kafkaex-network-" + clientId, "kafkaex-callbacks-" + clientId + "-");
        assertThat(memberThreads(prefixes)).as("before the start").isEmpty();
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder();
        KafkaExConsumerGroup consumer = KafkaExConsumerGroup.start(member(cluster, group, topic, clientId).build(), recorder);
        try {
            Eventually.until(() -> recorder.distinctHandled() == 150);
            Set<String> running = memberThreads(prefixes);
            assertThat(prefixes.subList(0, 3)).as("coordination, worker and network threads while running, of %s", running)
                    .allSatisfy(prefix -> assertThat(running).anyMatch(name -> name.startsWith(prefix)));
        } finally {
            consumer.close();
        }
        try {
            Eventually.until(Duration.ofSeconds(10), () -> memberThreads(prefixes).isEmpty());
        } catch (AssertionError stillAlive) {
            throw new AssertionError("threads alive after close: " + memberThreads(prefixes), stillAlive);
        }
    }

    @Test
    void aHandlerStuckPastTheCloseTimeoutDoesNotHoldTheCloseAndItsRecordsAreHandledAgain(KafkaTestCluster cluster)
            throws Exception {
        String topic = "shutdown-it-stuck";
        String group = "shutdown-it-stuck-group";
        cluster.createTopic(topic, 1, 1);
        GroupTestSupport.produce(cluster, topic, 1, 50);
        Duration shutdownTimeout = Duration.ofSeconds(60); // longer than the close below allows
        Duration closeTimeout = Duration.ofSeconds(2);
        Duration requestTimeout = Duration.ofSeconds(10);
        GroupTestSupport.Recorder stuckRecorder = new GroupTestSupport.Recorder();
        SlowFirstBatch stuck = new SlowFirstBatch(stuckRecorder, Duration.ofMinutes(10));
        KafkaExClientOptions client = GroupTestSupport.client(cluster, "stuck").toBuilder().requestTimeout(requestTimeout)
                .build();
        KafkaExConsumerGroup first = KafkaExConsumerGroup.start(member(client, group, topic)
                .sessionTimeout(LONG_SESSION).heartbeatInterval(Duration.ofSeconds(1)).shutdownTimeout(shutdownTimeout)
                .build(), stuck);
        try {
            assertThat(stuck.inBatch.await(30, TimeUnit.SECONDS)).as("the stuck batch started").isTrue();
            long start = System.nanoTime();
            first.close(closeTimeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // the wait for the batch (the close timeout, not the 60-s shutdown timeout), a LeaveGroup and the client's
            // close (at most 10 s), each bounded; generous
            Duration bound = closeTimeout.plus(requestTimeout).plus(Duration.ofSeconds(10));
            assertThat(took).as("close is bounded though the handler never returns").isLessThan(bound);
        } finally {
            first.close();
        }
        assertThat(stuck.batchesDone).as("the stuck batch never completed").isZero();
        assertThat(stuckRecorder.handled).isEmpty();
        try (KafkaExClient checker = KafkaExClient.create(GroupTestSupport.client(cluster, "shutdown-it-stuck-checker"))) {
            CommittedOffset committed = checker.fetchCommittedOffsetSync(group, topic, List.of(0)).get(0);
            assertThat(committed.offset()).as("nothing of the stuck batch committed").isLessThanOrEqualTo(stuck.firstOffset);
        }

        GroupTestSupport.Recorder next = new GroupTestSupport.Recorder();
        try (KafkaExConsumerGroup second = KafkaExConsumerGroup.start(member(cluster, group, topic, "next").build(), next)) {
            Eventually.until(() -> next.distinctHandled() == 50);
            assertThat(next.handled.get(new TopicPartition(topic, 0))).as("the stuck batch's records too")
                    .containsKeys(IntStream.rangeClosed((int) stuck.firstOffset, (int) stuck.lastOffset).mapToObj(Long::valueOf)
                            .toArray(Long[]::new));
        }
    }

    private static ConsumerGroupOptions.Builder longSession(KafkaTestCluster cluster, String group, String topic,
            String clientId) {
        return member(cluster, group, topic, clientId).sessionTimeout(LONG_SESSION).heartbeatInterval(Duration.ofSeconds(1));
    }

    private static Set<String> memberThreads(List<String> prefixes) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> prefixes.stream().anyMatch(name::startsWith)).collect(Collectors.toSet());
    }

    /**
     * Takes {@code pause} over its first batch, then hands every batch to a {@link GroupTestSupport.Recorder}. An
     * interrupt (the pool stopped after the shutdown timeout) ends the pause with an exception: the batch is not handled.
     */
    private static final class SlowFirstBatch implements GenConsumer<TopicPartition> {

        final CountDownLatch inBatch = new CountDownLatch(1);
        private final GroupTestSupport.Recorder recorder;
        private final Duration pause;
        volatile int batchesDone;
        volatile long firstOffset = -1;
        volatile long lastOffset = -1;

        SlowFirstBatch(GroupTestSupport.Recorder recorder, Duration pause) {
            this.recorder = recorder;
            this.pause = pause;
        }

        @Override
        public TopicPartition init(TopicPartition partition) {
            return partition;
        }

        @Override
        public HandleResult<TopicPartition> handleMessageSet(List<Record> records, TopicPartition partition) {
            if (inBatch.getCount() > 0) {
                firstOffset = records.get(0).offset();
                lastOffset = records.get(records.size() - 1).offset();
                inBatch.countDown();
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted in the middle of offsets " + firstOffset + "-" + lastOffset);
                }
            } else {
                lastOffset = records.get(records.size() - 1).offset();
            }
            HandleResult<TopicPartition> result = recorder.handleMessageSet(records, partition);
            batchesDone++;
            return result;
        }
    }
}
