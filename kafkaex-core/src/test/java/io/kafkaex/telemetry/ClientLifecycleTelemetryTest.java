package io.kafkaex.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link KafkaExTelemetryListener#onClientStart} and {@link KafkaExTelemetryListener#onClientClose}. */
class ClientLifecycleTelemetryTest {

    @Test
    void aListenerSeesItsClientStartAndCloseOnceWithItsState() {
        List<String> calls = new ArrayList<>();
        List<ClientState> states = new ArrayList<>();
        KafkaExTelemetryListener listener = new KafkaExTelemetryListener() {
            @Override
            public void onClientStart(ClientState client) {
                calls.add("start " + client.clientId() + " closed=" + client.isClosed());
                states.add(client);
            }

            @Override
            public void onClientClose(ClientState client) {
                calls.add("close " + client.clientId() + " closed=" + client.isClosed());
            }
        };
        KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers("localhost:1")
                .clientId("lifecycle-test").telemetryListener(listener).build());

        assertThat(calls).containsExactly("start lifecycle-test closed=false");
        assertThat(states.get(0).requestsInFlight()).isZero();

        client.close();
        client.close();

        assertThat(calls).containsExactly("start lifecycle-test closed=false", "close lifecycle-test closed=true");
    }

    @Test
    void aThrowingLifecycleCallbackDoesNotStopTheOtherListeners() {
        List<String> seen = new ArrayList<>();
        KafkaExTelemetryListener throwing = new KafkaExTelemetryListener() {
            @Override
            public void onClientStart(ClientState client) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onClientClose(ClientState client) {
                throw new IllegalStateException("boom");
            }
        };
        KafkaExTelemetryListener recording = new KafkaExTelemetryListener() {
            @Override
            public void onClientStart(ClientState client) {
                seen.add("start");
            }

            @Override
            public void onClientClose(ClientState client) {
                seen.add("close");
            }
        };
        Telemetry telemetry = Telemetry.of(List.of(throwing, recording));

        telemetry.clientStarted(null);
        telemetry.clientClosed(null);

        assertThat(seen).containsExactly("start", "close");
    }

    @Test
    void lifecycleCallbacksAreNotEvents() {
        List<TelemetryEvent> events = new ArrayList<>();
        KafkaExTelemetryListener listener = new KafkaExTelemetryListener() {
            @Override
            public void onEvent(TelemetryEvent event) {
                events.add(event);
            }
        };

        Telemetry.of(List.of(listener)).clientStarted(null);

        assertThat(events).isEmpty();
    }
}
