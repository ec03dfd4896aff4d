package io.kafkaex.test.fault;

/**
 * How a {@link MisbehavingBroker} answers a request (by default every request but ApiVersions, which it
 * answers correctly so that the client reaches its ready state first). Each constant says what a client
 * reading the answer should conclude.
 *
 * <p>Immutable and thread-safe.
 */
public enum Misbehaviour {

    /**
     * Bytes that are no Kafka frame at all: their first four, read as a size prefix, are negative. The
     * client must give up on the connection.
     */
    GARBAGE,

    /**
     * A well-framed response whose correlation id is the request's plus one. The stream is out of step with
     * the requests; the client must close the connection.
     */
    WRONG_CORRELATION_ID,

    /**
     * A size prefix of {@link Integer#MAX_VALUE}, above any client's maximum frame size, and nothing after
     * it. The client must refuse to allocate it and close the connection.
     */
    OVERSIZED_FRAME,

    /**
     * The size prefix and the first {@value MisbehavingBroker#HALF_FRAME_BYTES_SENT} bytes of a
     * {@value MisbehavingBroker#HALF_FRAME_SIZE}-byte frame, then nothing while the connection stays open.
     * Only the request's deadline ends the wait.
     */
    HALF_FRAME_THEN_SILENCE,

    /**
     * The size prefix and the first {@value MisbehavingBroker#HALF_FRAME_BYTES_SENT} bytes of a
     * {@value MisbehavingBroker#HALF_FRAME_SIZE}-byte frame, then the connection is closed.
     */
    HALF_FRAME_THEN_CLOSE,

    /** Accepts the TCP connection and closes it at once, before reading anything. */
    CLOSE_ON_ACCEPT,

    /** Reads the request and never answers, while the connection stays open. */
    NEVER_ANSWER
}
