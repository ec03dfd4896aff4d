package io.kafkaex.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SASL extensions (KIP-342) sent with every OAUTHBEARER token, checked against RFC 7628 section 3.1: a key is
 * one or more ASCII letters and not {@code auth}; a value is visible ASCII, space, tab, CR or LF (and, as
 * Kafka's broker requires, not empty). Keeps the caller's order. Immutable and thread-safe.
 */
public final class OAuthBearerExtensions {

    private static final Pattern KEY = Pattern.compile("[A-Za-z]+");
    private static final Pattern VALUE = Pattern.compile("[\\x21-\\x7E \t\r\n]+");

    private final Map<String, String> values;

    private OAuthBearerExtensions(Map<String, String> values) {
        this.values = values;
    }

    /** No extensions. */
    public static OAuthBearerExtensions none() {
        return new OAuthBearerExtensions(Map.of());
    }

    /**
     * The extensions {@code extensions} names ({@code null}: none).
     *
     * @throws IllegalArgumentException naming the first invalid key or value and the rule it breaks
     */
    public static OAuthBearerExtensions of(Map<String, String> extensions) {
        if (extensions == null) {
            return none();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        extensions.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("OAUTHBEARER extension key '" + key
                        + "' must be one or more ASCII letters (RFC 7628)");
            }
            if (key.equals("auth")) {
                throw new IllegalArgumentException("OAUTHBEARER extension key 'auth' is reserved for the token");
            }
            if (value == null || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("OAUTHBEARER extension " + key
                        + " must have a non-empty value of visible ASCII, space, tab, CR or LF (RFC 7628)");
            }
            copy.put(key, value);
        });
        return new OAuthBearerExtensions(copy);
    }

    /** The extensions as an unmodifiable map in the caller's order. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OAuthBearerExtensions that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "OAuthBearerExtensions" + values.keySet();
    }
}
