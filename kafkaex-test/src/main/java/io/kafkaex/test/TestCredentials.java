package io.kafkaex.test;

import java.util.List;

/**
 * The SASL users every SASL listener of a test broker knows.
 *
 * <p>Each user exists for PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512 (SCRAM users are written into the
 * storage at format time). OAUTHBEARER uses the broker's unsecured JWT validator, which accepts any
 * unsigned token whose {@code scope} claim contains {@link #OAUTH_REQUIRED_SCOPE}: fine for tests, never
 * for production.
 */
public final class TestCredentials {

    /** A SASL user with administrative intent. */
    public static final User ADMIN = new User("admin", "admin-secret");

    /** A plain application user. */
    public static final User ALICE = new User("alice", "alice-secret");

    /** The scope an OAUTHBEARER token must carry to be accepted. */
    public static final String OAUTH_REQUIRED_SCOPE = "kafka";

    /** The SASL mechanisms enabled on every SASL listener. */
    public static final String[] SASL_MECHANISMS = {"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"};

    private TestCredentials() {
    }

    /** A user name and password pair. */
    public record User(String name, String password) {
    }

    /** Every user above. */
    public static List<User> users() {
        return List.of(ADMIN, ALICE);
    }
}
