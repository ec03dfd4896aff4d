package io.kafkaex.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DefaultPartitionerTest {

    private static final int BATCH = 100;
    private static final TopicPartitions FOUR = TopicPartitions.allAvailable(4);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keyedRecordsFollowTheSeedVectors() {
        DefaultPartitioner partitioner = new DefaultPartitioner(BATCH, new ScriptedRandom());
        for (SeedVectors.Vector vector : SeedVectors.VECTORS) {
            for (int i = 0; i < SeedVectors.COUNTS.length; i++) {
                TopicPartitions partitions = TopicPartitions.allAvailable(SeedVectors.COUNTS[i]);
                assertThat(partitioner.partition("t", vector.keyBytes(), bytes("v"), partitions))
                        .as("%s over %d", vector.key(), SeedVectors.COUNTS[i])
                        .isEqualTo(vector.defaultPartitions()[i]);
            }
        }
    }

    @Test
    void anEmptyKeyIsHashedNotTreatedAsMissing() {
        ScriptedRandom random = new ScriptedRandom();
        DefaultPartitioner partitioner = new DefaultPartitioner(BATCH, random);
        assertThat(partitioner.partition("t", new byte[0], null, TopicPartitions.allAvailable(10))).isEqualTo(1);
        assertThat(random.bounds()).isEmpty();
    }

    @Test
    void keysAreHashedOverAllPartitionsEvenThoseWithoutALeader() {
        DefaultPartitioner partitioner = new DefaultPartitioner(BATCH, new ScriptedRandom());
        assertThat(partitioner.partition("t", bytes("abc"), null, new TopicPartitions(10, new int[] {1})))
                .isEqualTo(7);
        assertThat(partitioner.partition("t", bytes("abc"), null, new TopicPartitions(10, new int[0])))
                .isEqualTo(7);
    }

    @Test
    void nullKeysStickToOnePartitionUntilABatchSizeWasAppendedToIt() {
        ScriptedRandom random = new ScriptedRandom(2, 0);
        DefaultPartitioner partitioner = new DefaultPartitioner(BATCH, random);

        assertThat(partitioner.partition("t", null, bytes("v"), FOUR)).isEqualTo(2);
        partitioner.onAppend("t", 2, 60);
        assertThat(partitioner.partition("t", null, bytes("v"), FOUR)).isEqualTo(2);
        partitioner.onAppend("t", 2, 39);
        assertThat(partitioner.partition("t", null, bytes("v"), FOUR)).isEqualTo(2);
        partitioner.onAppend("t", 2, 1);
        assertThat(partitioner.partition("t", null, bytes("v"), FOUR)).isEqualTo(0);
        assertThat(partitioner.partition("t", null, bytes("v"), FOUR)).isEqualTo(0);
        assertThat(random.bounds()).containsExactly(4, 4);
    }

    @Test
    void appendsToOtherPartitionsOrTopicsDoNotMoveTheStickyPartition() {
        DefaultPartitioner partitioner = new DefaultPartitioner(BATCH, new ScriptedRandom(1));
        partitioner.onAppend("never-sent", 0, 1_000);
        assertThat(partitioner.partition("t", null, null, FOUR)).isEqualTo(1);
        partitioner.onAppend("t", 3, 1_000);
        partitioner.onAppend("other", 1, 1_000);
        assertThat(partitioner.partition("t", null, null, FOUR)).isEqualTo(1);
    }

    @Test
    void nullKeysGoOnlyToPartitionsWithALeader() {
        ScriptedRandom random = new ScriptedRandom(2, 0);
        DefaultPartitioner partitioner = new DefaultPartitioner(BATCH, random);
        TopicPartitions someAvailable = new TopicPartitions(6, new int[] {1, 4, 5});

        assertThat(partitioner.partition("t", null, null, someAvailable)).isEqualTo(5);
        partitioner.onAppend("t", 5, BATCH);
        assertThat(partitioner.partition("t", null, null, someAvailable)).isEqualTo(1);
        assertThat(random.bounds()).containsExactly(3, 3);
    }

    @Test
    void nullKeysChooseAmongAllPartitionsWhileNoneHasALeader() {
        ScriptedRandom random = new ScriptedRandom(2);
        DefaultPartitioner partitioner = new DefaultPartitioner(BATCH, random);
        assertThat(partitioner.partition("t", null, null, new TopicPartitions(3, new int[0]))).isEqualTo(2);
        assertThat(random.bounds()).containsExactly(3);
    }

    @Test
    void theStickyPartitionIsLeftWhenItLosesItsLeader() {
        DefaultPartitioner partitioner = new DefaultPartitioner(BATCH, new ScriptedRandom(2, 1));
        assertThat(partitioner.partition("t", null, null, FOUR)).isEqualTo(2);
        assertThat(partitioner.partition("t", null, null, new TopicPartitions(4, new int[] {0, 1, 3})))
                .isEqualTo(1);
    }

    @Test
    void eachTopicHasItsOwnStickyPartition() {
        DefaultPartitioner partitioner = new DefaultPartitioner(BATCH, new ScriptedRandom(1, 3, 0));
        assertThat(partitioner.partition("a", null, null, FOUR)).isEqualTo(1);
        assertThat(partitioner.partition("b", null, null, FOUR)).isEqualTo(3);
        partitioner.onAppend("a", 1, BATCH);
        assertThat(partitioner.partition("b", null, null, FOUR)).isEqualTo(3);
        assertThat(partitioner.partition("a", null, null, FOUR)).isEqualTo(0);
    }

    @Test
    void concurrentSendersAlwaysGetAValidPartition() throws Exception {
        DefaultPartitioner partitioner = new DefaultPartitioner(BATCH);
        TopicPartitions partitions = new TopicPartitions(8, new int[] {0, 2, 3, 7});
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                long seed = thread;
                results.add(threads.submit(() -> send(partitioner, partitions, new SplittableRandom(seed))));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get()).hasSize(20_000).allSatisfy(p -> assertThat(p).isBetween(0, 7));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<Integer> send(DefaultPartitioner partitioner, TopicPartitions partitions,
            SplittableRandom random) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String topic = "t" + (i % 3);
            byte[] key = random.nextBoolean() ? null : new byte[] {(byte) i};
            int partition = partitioner.partition(topic, key, null, partitions);
            if (key == null) {
                assertThat(partitions.isCandidate(partition)).isTrue();
            }
            partitioner.onAppend(topic, partition, random.nextInt(1, 40));
            chosen.add(partition);
        }
        return chosen;
    }

    @Test
    void rejectsAStickyBatchSizeBelowOneAndAMissingRandom() {
        assertThatThrownBy(() -> new DefaultPartitioner(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stickyBatchSize must be at least 1");
        assertThatThrownBy(() -> new DefaultPartitioner(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void partitionForKeyNeedsAKeyAndAPartition() {
        assertThat(DefaultPartitioner.partitionForKey(bytes("foobar"), 10)).isEqualTo(6);
        assertThatThrownBy(() -> DefaultPartitioner.partitionForKey(bytes("a"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DefaultPartitioner.partitionForKey(null, 3))
                .isInstanceOf(NullPointerException.class);
    }
}
