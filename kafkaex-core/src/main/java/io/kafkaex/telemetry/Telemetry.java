package io.kafkaex.telemetry;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands telemetry events to the registered {@link KafkaExTelemetryListener}s; what the rest of the client calls.
 *
 * <p><b>Zero cost when unused.</b> Callers build an event only when {@link #isEnabled()} is true:
 * <pre>{@code
 * if (telemetry.isEnabled()) {
 *     telemetry.emit(new RequestEvent.Stop(metadata, duration, bytesSent, bytesReceived, Outcome.ok()));
 * }
 * }</pre>
 * With no listeners ({@link #noop()}) {@code isEnabled()} is false, so nothing is allocated, and {@code emit}
 * itself allocates nothing either.
 *
 * <p><b>Failing listeners.</b> A listener that throws does not disturb the client or the other listeners: the
 * throwable is caught, logged at WARN once per listener and event name (later ones at DEBUG), and the event goes
 * on to the next listener. {@link VirtualMachineError}s are not caught.
 *
 * <p>Immutable apart from the record of failures already logged; thread-safe. {@link #emit} is called on the
 * client's event-loop thread and on its worker threads, and runs the listeners on the calling thread.
 */
public final class Telemetry {

    private static final Telemetry NOOP = new Telemetry(List.of(), LoggerFactory.getLogger(Telemetry.class));

    private final Registration[] registrations;
    private final Logger log;

    Telemetry(List<? extends KafkaExTelemetryListener> listeners, Logger log) {
        this.registrations = listeners.stream()
                .map(listener -> new Registration(Objects.requireNonNull(listener, "listener"),
                        EnumSet.noneOf(TelemetryEventName.class)))
                .toArray(Registration[]::new);
        this.log = log;
    }

    /** Telemetry without listeners: {@link #isEnabled()} is false and {@link #emit} does nothing. */
    public static Telemetry noop() {
        return NOOP;
    }

    /**
     * Telemetry that calls {@code listeners} in the given order; {@link #noop()} when the list is empty.
     *
     * @throws NullPointerException if the list or one of its listeners is null
     */
    public static Telemetry of(List<? extends KafkaExTelemetryListener> listeners) {
        return listeners.isEmpty() ? NOOP : new Telemetry(listeners, LoggerFactory.getLogger(Telemetry.class));
    }

    /** Whether any listener is registered. Callers skip building events when this is false. */
    public boolean isEnabled() {
        return registrations.length > 0;
    }

    /** Calls each listener's callback for {@code event}, in registration order, isolating failures. */
    public void emit(TelemetryEvent event) {
        for (Registration registration : registrations) {
            try {
                event.deliverTo(registration.listener());
            } catch (VirtualMachineError error) {
                throw error;
            } catch (Throwable failure) {
                reportFailure(registration, event.name(), failure);
            }
        }
    }

    /**
     * Tells each listener that its client started ({@link KafkaExTelemetryListener#onClientStart}); a listener that
     * throws is logged at WARN and skipped. Called once by the client, on the thread that creates it.
     */
    public void clientStarted(ClientState client) {
        for (Registration registration : registrations) {
            notifyLifecycle(registration, "client start", () -> registration.listener().onClientStart(client));
        }
    }

    /**
     * Tells each listener that its client closed ({@link KafkaExTelemetryListener#onClientClose}); a listener that
     * throws is logged at WARN and skipped. Called once by the client, on the thread that closes it.
     */
    public void clientClosed(ClientState client) {
        for (Registration registration : registrations) {
            notifyLifecycle(registration, "client close", () -> registration.listener().onClientClose(client));
        }
    }

    private void notifyLifecycle(Registration registration, String what, Runnable callback) {
        try {
            callback.run();
        } catch (VirtualMachineError error) {
            throw error;
        } catch (Throwable failure) {
            log.warn("Telemetry listener {} threw on {}; ignored", registration.listener().getClass().getName(), what,
                    failure);
        }
    }

    private void reportFailure(Registration registration, TelemetryEventName name, Throwable failure) {
        String listener = registration.listener().getClass().getName();
        if (registration.markReported(name)) {
            log.warn("Telemetry listener {} threw on event {}; the event is skipped for this listener, and further "
                    + "failures of this listener on this event are logged at DEBUG only", listener, name.seedName(),
                    failure);
        } else {
            log.debug("Telemetry listener {} threw again on event {}: {}", listener, name.seedName(),
                    failure.toString());
        }
    }

    /** A listener and the event names on which its failure was already logged at WARN. */
    private record Registration(KafkaExTelemetryListener listener, Set<TelemetryEventName> reported) {

        /** Records a failure on {@code name}; true if it is the first. */
        boolean markReported(TelemetryEventName name) {
            synchronized (reported) {
                return reported.add(name);
            }
        }
    }
}
