package io.kafkaex.security;

import io.kafkaex.telemetry.AuthEvent;
import io.kafkaex.telemetry.KafkaExTelemetryListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A telemetry listener that keeps the auth start and stop events, in order. Any thread. */
class RecordedAuthEvents implements KafkaExTelemetryListener {

    final List<AuthEvent> all = new CopyOnWriteArrayList<>();

    @Override
    public void onAuthStart(AuthEvent.Start event) {
        all.add(event);
    }

    @Override
    public void onAuthStop(AuthEvent.Stop event) {
        all.add(event);
    }

    List<AuthEvent.Start> starts() {
        return all.stream().filter(AuthEvent.Start.class::isInstance).map(AuthEvent.Start.class::cast).toList();
    }

    List<AuthEvent.Stop> stops() {
        return all.stream().filter(AuthEvent.Stop.class::isInstance).map(AuthEvent.Stop.class::cast).toList();
    }
}
