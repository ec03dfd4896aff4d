package io.kafkaex.security;

/**
 * The client side of one SASL authentication as a state machine: an initial response, then one answer per
 * server challenge until the exchange is complete. Implementations check what the server sends (a SCRAM
 * client verifies the server's signature) and throw {@link SaslProtocolException} when it is wrong.
 *
 * <p>One instance per authentication; used by one thread at a time (the event loop). Not thread-safe.
 */
public interface SaslMechanismClient {

    /** The mechanism's wire name, as sent in SaslHandshake. */
    String mechanism();

    /** The first message the client sends. */
    byte[] initialResponse();

    /**
     * Handles the server's next message and returns the client's reply, or {@code null} when the client has
     * nothing more to send (the exchange is then complete).
     *
     * @throws SaslProtocolException when the server's message is malformed or fails a check
     */
    byte[] evaluateChallenge(byte[] challenge);

    /** Whether the exchange has ended successfully on the client's side. */
    boolean isComplete();
}
