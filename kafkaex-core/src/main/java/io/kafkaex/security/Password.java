package io.kafkaex.security;

import java.util.Objects;

/**
 * A secret (password) that never shows itself by accident: {@link #toString()} is redacted, so options,
 * credentials and exceptions that contain one can be printed and logged safely. Only {@link #reveal()} gives
 * the value, for the code that must send or derive from it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Password {

    /** What {@link #toString()} shows instead of the secret. */
    public static final String REDACTED = "[redacted]";

    private final String value;

    private Password(String value) {
        this.value = Objects.requireNonNull(value, "password");
    }

    /** Wraps {@code value}; {@code null} is refused (a missing password is an option error, not a secret). */
    public static Password of(String value) {
        return new Password(value);
    }

    /** The secret itself; never log or print it. */
    public String reveal() {
        return value;
    }

    /** Whether the secret is empty. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
