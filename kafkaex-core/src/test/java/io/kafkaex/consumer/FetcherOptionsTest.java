package io.kafkaex.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetcherOptionsTest {

    @Test
    void defaultsAreTheJavaConsumers() {
        FetcherOptions options = FetcherOptions.defaults();

        assertThat(options.minBytes()).isEqualTo(1);
        assertThat(options.maxBytes()).isEqualTo(52_428_800);
        assertThat(options.maxWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.partitionMaxBytes()).isEqualTo(1_048_576);
        assertThat(options.readCommitted()).isFalse();
        assertThat(options.maxBufferedBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(options.autoOffsetReset()).isEqualTo(OffsetResetPolicy.LATEST);
        assertThat(options.retryBackoff()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void invalidValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new FetcherOptions(1, 100, Duration.ZERO, 0, false, 100, OffsetResetPolicy.NONE,
                Duration.ofMillis(1))).hasMessageContaining("partitionMaxBytes");
        assertThatThrownBy(() -> new FetcherOptions(1, 100, Duration.ZERO, 10, false, 0, OffsetResetPolicy.NONE,
                Duration.ofMillis(1))).hasMessageContaining("maxBufferedBytes");
        assertThatThrownBy(() -> new FetcherOptions(1, 100, Duration.ofMillis(-1), 10, false, 100, OffsetResetPolicy.NONE,
                Duration.ofMillis(1))).hasMessageContaining("maxWait");
        assertThatThrownBy(() -> FetcherOptions.defaults().withAutoOffsetReset(null)).hasMessageContaining("autoOffsetReset");
    }
}
