package io.kafkaex.network;

import java.net.InetSocketAddress;

/**
 * The connection failed before the request was written: it was refused, never got ready, or broke while the
 * request still waited its turn. The broker cannot have seen the request, so sending it again is safe for
 * every operation, a produce without idempotence included. The cause is the connection's failure.
 *
 * <p>A plain {@link BrokerConnectionException} instead means the request was written or partly written
 * before the connection broke: the broker may have acted on it.
 */
public class RequestNotSentException extends BrokerConnectionException {

    public RequestNotSentException(InetSocketAddress broker, Throwable connectionFailure) {
        super(broker, "request not sent: " + detail(broker, connectionFailure), connectionFailure);
    }

    /** The failure's message without the "Broker host:port: " prefix this exception's message already has. */
    private static String detail(InetSocketAddress broker, Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        String prefix = BrokerConnectionException.prefix(broker);
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
