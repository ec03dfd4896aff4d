package io.kafkaex.test;

/**
 * The client-facing listeners a test broker can open, each on its own free port of 127.0.0.1.
 *
 * <p>Every broker also has an internal PLAINTEXT listener for replication and for the harness' own admin
 * requests, and a controller listener; those are not part of this enum.
 */
public enum BrokerListener {

    /** No encryption, no authentication. */
    PLAINTEXT("PLAINTEXT", false, false),

    /** SASL without TLS: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 and OAUTHBEARER (unsecured JWT validator). */
    SASL_PLAINTEXT("SASL_PLAINTEXT", true, false),

    /** TLS with a certificate from the test CA; clients need the test trust store. */
    SSL("SSL", false, true),

    /** TLS that requires a client certificate signed by the test CA (mutual TLS). */
    MTLS("SSL", false, true),

    /** SASL over TLS, with the same mechanisms and users as {@link #SASL_PLAINTEXT}. */
    SASL_SSL("SASL_SSL", true, true);

    private final String securityProtocol;
    private final boolean sasl;
    private final boolean tls;

    BrokerListener(String securityProtocol, boolean sasl, boolean tls) {
        this.securityProtocol = securityProtocol;
        this.sasl = sasl;
        this.tls = tls;
    }

    /** The Kafka {@code security.protocol} a client uses for this listener. */
    public String securityProtocol() {
        return securityProtocol;
    }

    /** Whether clients authenticate with SASL on this listener. */
    public boolean usesSasl() {
        return sasl;
    }

    /** Whether this listener speaks TLS. */
    public boolean usesTls() {
        return tls;
    }

    /** Whether the broker demands a client certificate on this listener. */
    public boolean requiresClientCertificate() {
        return this == MTLS;
    }

    /** The listener name in the broker's configuration. */
    public String listenerName() {
        return name();
    }
}
