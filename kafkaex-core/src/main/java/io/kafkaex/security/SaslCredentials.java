package io.kafkaex.security;

import java.util.Objects;

/**
 * The SASL settings of a client: a mechanism and the username and password it authenticates with. The
 * password is a {@link Password}, so {@link #toString()} never shows it. Immutable and thread-safe.
 *
 * @param mechanism which SASL mechanism
 * @param username the SASL user (authentication identity)
 * @param password its password
 */
public record SaslCredentials(SaslMechanism mechanism, String username, Password password) {

    public SaslCredentials {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** A new client-side exchange for one authentication. */
    SaslMechanismClient newClient() {
        return mechanism.newClient(username, password);
    }
}
