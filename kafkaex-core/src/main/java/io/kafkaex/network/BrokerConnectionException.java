package io.kafkaex.network;

import io.kafkaex.KafkaExException;

import java.net.InetSocketAddress;

/**
 * A broker connection could not be made or broke: refused, reset, closed by the peer, corrupt stream, or
 * closed by the client. Requests that failed with it may be retried on a new connection; a produce only when
 * it certainly was not written (then the failure is the subclass {@link RequestNotSentException}), or when the
 * producer is idempotent.
 */
public class BrokerConnectionException extends KafkaExException {

    private final InetSocketAddress broker;

    public BrokerConnectionException(InetSocketAddress broker, String message, Throwable cause) {
        super(prefix(broker) + message, cause);
        this.broker = broker;
    }

    static String prefix(InetSocketAddress broker) {
        return "Broker " + broker.getHostString() + ":" + broker.getPort() + ": ";
    }

    /** The broker address. */
    public InetSocketAddress broker() {
        return broker;
    }
}
