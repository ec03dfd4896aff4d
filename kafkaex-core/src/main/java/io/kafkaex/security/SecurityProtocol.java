package io.kafkaex.security;

/**
 * How a client talks to its brokers, as the broker listener's protocol (Kafka's {@code security.protocol}):
 * with or without TLS, with or without SASL authentication. Immutable.
 */
public enum SecurityProtocol {
    PLAINTEXT(false, false),
    SASL_PLAINTEXT(false, true),
    SSL(true, false),
    SASL_SSL(true, true);

    private final boolean tls;
    private final boolean sasl;

    SecurityProtocol(boolean tls, boolean sasl) {
        this.tls = tls;
        this.sasl = sasl;
    }

    /** Whether connections are encrypted with TLS. */
    public boolean usesTls() {
        return tls;
    }

    /** Whether connections authenticate with SASL after API-version negotiation. */
    public boolean usesSasl() {
        return sasl;
    }
}
