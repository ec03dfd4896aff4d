package io.kafkaex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChartAxisTest {

    @Test
    void millionsOfRecordsGetRoundStepsAndAnMSuffix() {
        ChartAxis axis = ChartAxis.covering(1_659_290);

        assertThat(axis).isEqualTo(new ChartAxis(2_000_000, 500_000));
        assertThat(axis.ticks()).hasSize(5);
        assertThat(axis.ticks().stream().map(axis::tickLabel)).containsExactly("0", "0.5M", "1.0M", "1.5M", "2.0M");
        assertThat(axis.valueLabel(1_659_290)).isEqualTo("1.66M");
        assertThat(axis.pixels(1_000_000, 400)).isEqualTo(200);
    }

    @Test
    void thousandsGetAKSuffixAndSmallValuesNone() {
        ChartAxis thousands = ChartAxis.covering(52_300);
        ChartAxis seconds = ChartAxis.covering(0.93);

        assertThat(thousands).isEqualTo(new ChartAxis(60_000, 20_000));
        assertThat(thousands.tickLabel(20_000)).isEqualTo("20k");
        assertThat(thousands.valueLabel(52_300)).isEqualTo("52.3k");
        assertThat(seconds.max()).isCloseTo(1.0, within(1e-9));
        assertThat(seconds.tickLabel(seconds.step() * 2)).isEqualTo("0.4");
        assertThat(seconds.valueLabel(0.93)).isEqualTo("0.93");
    }

    @Test
    void nothingAboveZeroStillGivesAnAxis() {
        assertThat(ChartAxis.covering(0)).isEqualTo(new ChartAxis(1, 0.2));
    }
}
