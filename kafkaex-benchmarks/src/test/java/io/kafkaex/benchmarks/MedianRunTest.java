package io.kafkaex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianRunTest {

    @Test
    void theMedianIsTheMiddleRunByElapsedTimeWithTheSlowestAndFastestBeside() {
        MedianRun<Long> runs = MedianRun.byElapsed(List.of(300L, 100L, 200L), Long::longValue);

        assertThat(runs).isEqualTo(new MedianRun<>(200L, 300L, 100L));
    }

    @Test
    void ofAnEvenNumberOfRunsTheSlowerMiddleOneIsTheMedian() {
        assertThat(MedianRun.byElapsed(List.of(40L, 10L, 30L, 20L), Long::longValue).median()).isEqualTo(30L);
        assertThat(MedianRun.byElapsed(List.of(7L), Long::longValue)).isEqualTo(new MedianRun<>(7L, 7L, 7L));
    }

    @Test
    void noRunsHaveNoMedian() {
        assertThatIllegalArgumentException().isThrownBy(() -> MedianRun.byElapsed(List.<Long>of(), Long::longValue));
    }
}
