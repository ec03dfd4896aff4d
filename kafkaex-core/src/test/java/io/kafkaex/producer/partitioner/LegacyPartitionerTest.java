package io.kafkaex.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LegacyPartitionerTest {

    @Test
    void keyedRecordsFollowTheSeedVectors() {
        LegacyPartitioner partitioner = new LegacyPartitioner(new ScriptedRandom());
        for (SeedVectors.Vector vector : SeedVectors.VECTORS) {
            for (int i = 0; i < SeedVectors.COUNTS.length; i++) {
                TopicPartitions partitions = TopicPartitions.allAvailable(SeedVectors.COUNTS[i]);
                assertThat(partitioner.partition("t", vector.keyBytes(), null, partitions))
                        .as("%s over %d", vector.key(), SeedVectors.COUNTS[i])
                        .isEqualTo(vector.legacyPartitions()[i]);
            }
        }
    }

    @Test
    void agreesWithDefaultForNonNegativeHashesAndHashesUnsignedOtherwise() {
        LegacyPartitioner legacy = new LegacyPartitioner(new ScriptedRandom());
        DefaultPartitioner standard = new DefaultPartitioner(1, new ScriptedRandom());
        SplittableRandom random = new SplittableRandom(7);
        int differing = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] key = new byte[random.nextInt(0, 20)];
            random.nextBytes(key);
            int count = random.nextInt(1, 65);
            TopicPartitions partitions = TopicPartitions.allAvailable(count);
            int hash = Murmur2.hash(key);
            int ours = legacy.partition("t", key, null, partitions);
            int theirs = standard.partition("t", key, null, partitions);
            if (hash >= 0) {
                assertThat(ours).isEqualTo(theirs);
            } else {
                assertThat(ours).isEqualTo((int) ((hash + (1L << 32)) % count));
                differing += ours == theirs ? 0 : 1;
            }
        }
        assertThat(differing).isPositive();
    }

    @Test
    void keysAreHashedOverAllPartitionsEvenThoseWithoutALeader() {
        LegacyPartitioner partitioner = new LegacyPartitioner(new ScriptedRandom());
        byte[] key = "21".getBytes(StandardCharsets.UTF_8);
        assertThat(partitioner.partition("t", key, null, new TopicPartitions(10, new int[] {1}))).isEqualTo(8);
    }

    @Test
    void nullKeysGoToARandomPartitionForEachRecord() {
        ScriptedRandom random = new ScriptedRandom(2, 0, 9);
        LegacyPartitioner partitioner = new LegacyPartitioner(random);
        TopicPartitions partitions = new TopicPartitions(10, new int[] {1});
        partitioner.onAppend("t", 2, 1_000_000);
        assertThat(partitioner.partition("t", null, null, partitions)).isEqualTo(2);
        assertThat(partitioner.partition("t", null, null, partitions)).isEqualTo(0);
        assertThat(partitioner.partition("t", null, null, partitions)).isEqualTo(9);
        assertThat(random.bounds()).containsExactly(10, 10, 10);
    }

    @Test
    void theDefaultRandomStaysWithinTheTopic() {
        LegacyPartitioner partitioner = new LegacyPartitioner();
        for (int i = 0; i < 1_000; i++) {
            assertThat(partitioner.partition("t", null, null, TopicPartitions.allAvailable(3))).isBetween(0, 2);
        }
        assertThatThrownBy(() -> new LegacyPartitioner(null)).isInstanceOf(NullPointerException.class);
    }
}
