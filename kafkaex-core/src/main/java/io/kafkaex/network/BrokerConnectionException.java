package io.kafkaex.network;

import io.kafkaex.KafkaExException;

import java.net.InetSocketAddress;

/**
 * A broker connection could not be made or broke: refused, reset, closed by the peer, corrupt stream, or
 * closed by the client. Requests that failed with it may be retried on a new connection (for a produce only
 * when it certainly was not written, or when the producer is idempotent).
 */
public class BrokerConnectionException extends KafkaExException {

    private final InetSocketAddress broker;

    public BrokerConnectionException(InetSocketAddress broker, String message, Throwable cause) {
        super("Broker " + broker.getHostString() + ":" + broker.getPort() + ": " + message, cause);
        this.broker = broker;
    }

    /** The broker address. */
    public InetSocketAddress broker() {
        return broker;
    }
}
