package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.TelemetryEvent;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A test listener that keeps every event it receives; listeners may be called from several threads. */
final class RecordingTelemetryListener implements KafkaExTelemetryListener {

    private final Queue<TelemetryEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public void onEvent(TelemetryEvent event) {
        events.add(event);
    }

    /** The events of {@code type} received so far, in order. */
    <E extends TelemetryEvent> List<E> all(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The one event of {@code type}; fails the test when there is none or more than one. */
    <E extends TelemetryEvent> E single(Class<E> type) {
        assertThat(all(type)).as(type.getName()).hasSize(1);
        return all(type).get(0);
    }
}
