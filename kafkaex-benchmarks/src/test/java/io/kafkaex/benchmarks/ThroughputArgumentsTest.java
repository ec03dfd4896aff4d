package io.kafkaex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ThroughputArgumentsTest {

    @Test
    void missingArgumentsFromTheEndTakeTheDefaults() {
        ThroughputArguments arguments = ThroughputArguments.parse(new String[] {"5000"}, "1,6", "docs/images/x.png");

        assertThat(arguments.records()).isEqualTo(5000);
        assertThat(arguments.list()).containsExactly(1, 6);
        assertThat(arguments.chart()).isEqualTo(Path.of("docs/images/x.png"));
        assertThat(arguments.repetitions()).isEqualTo(ThroughputArguments.DEFAULT_REPETITIONS);
    }

    @Test
    void everyArgumentGivenIsRead() {
        ThroughputArguments arguments = ThroughputArguments.parse(new String[] {"100", "100, 1024,3", "/tmp/c.png", "5"},
                "1", "unused.png");

        assertThat(arguments.records()).isEqualTo(100);
        assertThat(arguments.list()).containsExactly(100, 1024, 3);
        assertThat(arguments.chart()).isEqualTo(Path.of("/tmp/c.png"));
        assertThat(arguments.repetitions()).isEqualTo(5);
    }

    @Test
    void aBenchmarkCanChooseItsOwnDefaultNumberOfRecords() {
        ThroughputArguments arguments = ThroughputArguments.parse(new String[0], 500_000, "1,3", "docs/images/y.png");

        assertThat(arguments.records()).isEqualTo(500_000);
        assertThat(arguments.list()).containsExactly(1, 3);
        assertThat(arguments.chart()).isEqualTo(Path.of("docs/images/y.png"));
    }
}
