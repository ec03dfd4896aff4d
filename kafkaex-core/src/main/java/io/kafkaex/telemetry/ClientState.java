package io.kafkaex.telemetry;

/**
 * A read-only view of one running client, handed to {@link KafkaExTelemetryListener#onClientStart} and
 * {@link KafkaExTelemetryListener#onClientClose}: what a listener needs to sample gauges of that client (such as the
 * requests in flight) and to drop them when the client closes. Reading it never waits and sends nothing.
 *
 * <p>Thread-safe: any thread may call it, at any rate.
 */
public interface ClientState {

    /** The client id the client sends with its requests. */
    String clientId();

    /** Requests written to a broker and awaiting their answer, as the client's event loop last counted them. */
    int requestsInFlight();

    /** Whether the client has been closed. */
    boolean isClosed();
}
