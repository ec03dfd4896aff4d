package io.kafkaex.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.spring.listener.CommitMode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PropertyValueFormatTest {

    @Test
    void durationsInTheLargestWholeUnit() {
        assertThat(PropertyValueFormat.format(Duration.ofSeconds(30), List.of())).isEqualTo("30s");
        assertThat(PropertyValueFormat.format(Duration.ofSeconds(90), List.of())).isEqualTo("90s");
        assertThat(PropertyValueFormat.format(Duration.ofMinutes(9), List.of())).isEqualTo("9m");
        assertThat(PropertyValueFormat.format(Duration.ofMillis(1500), List.of())).isEqualTo("1500ms");
        assertThat(PropertyValueFormat.format(Duration.ZERO, List.of())).isEqualTo("0s");
    }

    @Test
    void sizesInTheLargestWholeUnit() {
        assertThat(PropertyValueFormat.format(DataSize.ofKilobytes(16), List.of())).isEqualTo("16KB");
        assertThat(PropertyValueFormat.format(DataSize.ofMegabytes(100), List.of())).isEqualTo("100MB");
        assertThat(PropertyValueFormat.format(DataSize.ofBytes(1500), List.of())).isEqualTo("1500B");
        assertThat(PropertyValueFormat.format(DataSize.ofBytes(0), List.of())).isEqualTo("0B");
    }

    @Test
    void enumsInLowerCaseWithHyphensUnlessAHintSpellsThem() {
        assertThat(PropertyValueFormat.format(CommitMode.MANUAL_IMMEDIATE, List.of())).isEqualTo("manual-immediate");
        assertThat(PropertyValueFormat.format(CommitMode.MANUAL_IMMEDIATE, List.of("MANUAL-IMMEDIATE")))
                .isEqualTo("MANUAL-IMMEDIATE");
    }

    @Test
    void listsCommaSeparatedAndEmptyMeansNoValue() {
        assertThat(PropertyValueFormat.format(List.of(String.class, Integer.class), List.of()))
                .isEqualTo("java.lang.String,java.lang.Integer");
        assertThat(PropertyValueFormat.format(List.of(), List.of())).isNull();
        assertThat(PropertyValueFormat.format(Map.of(), List.of())).isNull();
        assertThat(PropertyValueFormat.format(null, List.of())).isNull();
    }
}
