package io.kafkaex.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class Murmur2Test {

    private static int hash(String text) {
        return Murmur2.hash(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hashesTheSeedVectors() {
        for (SeedVectors.Vector vector : SeedVectors.VECTORS) {
            assertThat(Murmur2.hash(vector.keyBytes())).as(vector.key()).isEqualTo(vector.murmur2());
        }
        assertThat(hash("a-little-bit-long-string")).isEqualTo(-985981536);
        assertThat(hash("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8")).isEqualTo(-58897971);
    }

    @Test
    void equalsTheJavaClientsMurmur2ForRandomBytesOfEveryLengthUpTo64() {
        SplittableRandom random = new SplittableRandom(794);
        for (int length = 0; length <= 64; length++) {
            for (int round = 0; round < 200; round++) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                assertThat(Murmur2.hash(data)).isEqualTo(Utils.murmur2(data));
            }
        }
    }

    @Test
    void toPositiveClearsOnlyTheSignBit() {
        assertThat(Murmur2.toPositive(0)).isZero();
        assertThat(Murmur2.toPositive(42)).isEqualTo(42);
        assertThat(Murmur2.toPositive(-1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Murmur2.toPositive(Integer.MIN_VALUE)).isZero();
        assertThat(Murmur2.toPositive(-973932308)).isEqualTo(-973932308 + Integer.MAX_VALUE + 1);
        assertThat(Murmur2.toPositive(-5)).isEqualTo(Utils.toPositive(-5));
    }
}
