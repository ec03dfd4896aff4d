package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CompressionRatiosTest {

    private final CompressionRatios ratios = new CompressionRatios();

    @Test
    void anUnseenTopicIsAssumedNotToCompress() {
        assertThat(ratios.estimate("t")).isEqualTo(1.0);
    }

    @Test
    void eachBatchMovesTheEstimateATenthOfTheWayTowardsItsRatio() {
        ratios.observe("t", 300, 1_000);
        assertThat(ratios.estimate("t")).isCloseTo(0.93, within(1e-9));

        for (int i = 0; i < 200; i++) {
            ratios.observe("t", 300, 1_000);
        }
        assertThat(ratios.estimate("t")).isCloseTo(0.3, within(1e-6));
        assertThat(ratios.estimate("other")).isEqualTo(1.0);
    }

    @Test
    void noBatchMakesItAssumeBetterThanAQuarterOrWorseThanNothing() {
        for (int i = 0; i < 500; i++) {
            ratios.observe("tiny", 1, 1_000);
            ratios.observe("bigger", 1_100, 1_000);
        }
        assertThat(ratios.estimate("tiny")).isCloseTo(CompressionRatios.BEST_ASSUMED, within(1e-6));
        assertThat(ratios.estimate("bigger")).isEqualTo(1.0);
    }
}
