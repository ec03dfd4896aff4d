package io.kafkaex.security;

/**
 * The SASL mechanisms KafkaEx can authenticate with from a username and password, with their names on the
 * wire (the name sent in SaslHandshake). Immutable.
 */
public enum SaslMechanism {
    /** RFC 4616: the password goes to the broker as it is; use it with TLS only, outside tests. */
    PLAIN("PLAIN"),
    /** RFC 5802 / 7677 with SHA-256: the password never leaves the client. */
    SCRAM_SHA_256("SCRAM-SHA-256"),
    /** RFC 5802 with SHA-512 (Kafka's second SCRAM mechanism). */
    SCRAM_SHA_512("SCRAM-SHA-512");

    private final String wireName;

    SaslMechanism(String wireName) {
        this.wireName = wireName;
    }

    /** The mechanism's name on the wire, e.g. {@code SCRAM-SHA-256}. */
    public String wireName() {
        return wireName;
    }

    /** A new client-side state machine for one authentication with {@code credentials}. */
    SaslMechanismClient newClient(String username, Password password) {
        return switch (this) {
            case PLAIN -> new PlainSaslClient(username, password);
            case SCRAM_SHA_256 -> new ScramSaslClient(wireName, ScramAlgorithm.SHA_256, username, password);
            case SCRAM_SHA_512 -> new ScramSaslClient(wireName, ScramAlgorithm.SHA_512, username, password);
        };
    }
}
