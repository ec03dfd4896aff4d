package io.kafkaex.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryEventNameTest {

    /** {@code KafkaEx.Telemetry.events()} of kafka_ex 1.0, in its order (reference inventory §8.2/§8.3). */
    private static final List<String> SEED_EVENTS = List.of(
            "[:kafka_ex, :request, :start]",
            "[:kafka_ex, :request, :stop]",
            "[:kafka_ex, :request, :exception]",
            "[:kafka_ex, :connection, :start]",
            "[:kafka_ex, :connection, :stop]",
            "[:kafka_ex, :connection, :exception]",
            "[:kafka_ex, :connection, :close]",
            "[:kafka_ex, :auth, :start]",
            "[:kafka_ex, :auth, :stop]",
            "[:kafka_ex, :auth, :exception]",
            "[:kafka_ex, :produce, :start]",
            "[:kafka_ex, :produce, :stop]",
            "[:kafka_ex, :produce, :exception]",
            "[:kafka_ex, :fetch, :start]",
            "[:kafka_ex, :fetch, :stop]",
            "[:kafka_ex, :fetch, :exception]",
            "[:kafka_ex, :consumer, :commit, :start]",
            "[:kafka_ex, :consumer, :commit, :stop]",
            "[:kafka_ex, :consumer, :commit, :exception]",
            "[:kafka_ex, :consumer, :join, :start]",
            "[:kafka_ex, :consumer, :join, :stop]",
            "[:kafka_ex, :consumer, :join, :exception]",
            "[:kafka_ex, :consumer, :sync, :start]",
            "[:kafka_ex, :consumer, :sync, :stop]",
            "[:kafka_ex, :consumer, :sync, :exception]",
            "[:kafka_ex, :consumer, :heartbeat, :start]",
            "[:kafka_ex, :consumer, :heartbeat, :stop]",
            "[:kafka_ex, :consumer, :heartbeat, :exception]",
            "[:kafka_ex, :consumer, :leave, :start]",
            "[:kafka_ex, :consumer, :leave, :stop]",
            "[:kafka_ex, :consumer, :leave, :exception]",
            "[:kafka_ex, :consumer, :rebalance]",
            "[:kafka_ex, :consumer, :process, :start]",
            "[:kafka_ex, :consumer, :process, :stop]",
            "[:kafka_ex, :consumer, :process, :exception]",
            "[:kafka_ex, :metadata, :update, :start]",
            "[:kafka_ex, :metadata, :update, :stop]",
            "[:kafka_ex, :metadata, :update, :exception]");

    @Test
    void namesEverySeedEventInTheSeedsOrderBeforeKafkaExsOwn() {
        assertThat(SEED_EVENTS).hasSize(38);
        List<TelemetryEventName> names = Arrays.asList(TelemetryEventName.values());
        assertThat(names.subList(0, 38)).allMatch(TelemetryEventName::isSeedEvent).extracting(TelemetryEventName::seedName)
                .containsExactlyElementsOf(SEED_EVENTS);
        assertThat(names.subList(38, names.size())).noneMatch(TelemetryEventName::isSeedEvent);
    }

    @Test
    void kafkaExsOwnEventsAreNamedUnderKafkaex() {
        assertThat(TelemetryEventName.PRODUCER_REQUEST.seedName()).isEqualTo("[:kafkaex, :producer, :request]");
        assertThat(TelemetryEventName.PRODUCER_REQUEST.family()).isEqualTo("producer.request");
    }

    @Test
    void splitsNamesIntoFamilyAndPath() {
        assertThat(TelemetryEventName.CONSUMER_COMMIT_STOP.family()).isEqualTo("consumer.commit");
        assertThat(TelemetryEventName.CONSUMER_COMMIT_STOP.path()).isEqualTo("consumer.commit.stop");
        assertThat(TelemetryEventName.CONNECTION_CLOSE.family()).isEqualTo("connection");
        assertThat(TelemetryEventName.CONSUMER_REBALANCE.family()).isEqualTo("consumer.rebalance");
        assertThat(TelemetryEventName.CONSUMER_REBALANCE.path()).isEqualTo("consumer.rebalance");
    }
}
