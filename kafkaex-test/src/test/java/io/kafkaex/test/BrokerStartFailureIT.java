package io.kafkaex.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A broker that cannot start fails fast with its own explanation, not a bare timeout. */
class BrokerStartFailureIT {

    @Test
    void failedStartCarriesTheTailOfTheBrokerLog() {
        KafkaTestCluster.Builder builder = KafkaTestCluster.builder().brokerProperty("log.retention.bytes", "lots");

        assertThatThrownBy(builder::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Log tail")
                .hasMessageContaining("log.retention.bytes");
    }

    @Test
    void unknownVersionNamesTheArtifactItCannotResolve() {
        KafkaTestCluster.Builder builder = KafkaTestCluster.builder().version("0.0.1-no-such-release");

        assertThatThrownBy(builder::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.apache.kafka:kafka_2.13:0.0.1-no-such-release");
    }
}
