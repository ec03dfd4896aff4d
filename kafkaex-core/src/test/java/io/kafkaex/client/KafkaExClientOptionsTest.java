package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.cluster.BootstrapServer;
import io.kafkaex.network.NetworkOptions;
import io.kafkaex.telemetry.KafkaExTelemetryListener;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaExClientOptionsTest {

    @Test
    void defaultsAreTheNamedConstants() {
        KafkaExClientOptions options = KafkaExClientOptions.builder().bootstrapServers("k:9092").build();

        assertThat(options.bootstrapServers()).containsExactly(new BootstrapServer("k", 9092));
        assertThat(options.clientId()).isEqualTo(KafkaExClientOptions.DEFAULT_CLIENT_ID);
        assertThat(options.requestTimeout()).isEqualTo(KafkaExClientOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(options.metadataRefreshInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.maxRetries()).isEqualTo(KafkaExClientOptions.DEFAULT_MAX_RETRIES);
        assertThat(options.networkOptions()).isEqualTo(NetworkOptions.defaults(KafkaExClientOptions.DEFAULT_CLIENT_ID));
        assertThat(options.telemetryListeners()).isEmpty();
    }

    @Test
    void everyInvalidOptionIsNamedInOneMessage() {
        KafkaExClientOptions.Builder builder = KafkaExClientOptions.builder()
                .clientId(" ")
                .requestTimeout(Duration.ZERO)
                .maxRetries(-1)
                .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .maxInFlightPerConnection(0)
                .maxResponseBytes(10);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrapServers is required")
                .hasMessageContaining("clientId must not be blank")
                .hasMessageContaining("requestTimeout must be a positive duration, was PT0S")
                .hasMessageContaining("maxRetries must be 0 or more")
                .hasMessageContaining("retryBackoff must be zero or positive and not above its maximum")
                .hasMessageContaining("maxInFlightPerConnection must be at least 1")
                .hasMessageContaining("maxResponseBytes must be at least 1024");
    }

    @Test
    void toBuilderCopiesEverythingAndTheOriginalStaysUnchanged() {
        KafkaExTelemetryListener listener = new KafkaExTelemetryListener() {
        };
        KafkaExClientOptions original = KafkaExClientOptions.builder().bootstrapServers("a:1,b:2").clientId("orders")
                .connectionMaxIdle(Duration.ofMinutes(1)).telemetryListener(listener).build();

        KafkaExClientOptions changed = original.toBuilder().clientId("payments").build();

        assertThat(changed.clientId()).isEqualTo("payments");
        assertThat(changed.bootstrapServers()).isEqualTo(original.bootstrapServers());
        assertThat(changed.connectionMaxIdle()).isEqualTo(Duration.ofMinutes(1));
        assertThat(changed.telemetryListeners()).containsExactly(listener);
        assertThat(original.clientId()).isEqualTo("orders");
        assertThat(changed.networkOptions().clientId()).isEqualTo("payments");
    }
}
