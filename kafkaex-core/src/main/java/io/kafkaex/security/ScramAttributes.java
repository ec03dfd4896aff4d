package io.kafkaex.security;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code a=value} attributes of one SCRAM server message (RFC 5802 §5.1), parsed and checked. Messages
 * in errors name the attribute, never its value beyond the server's own {@code e=} text. Immutable.
 */
final class ScramAttributes {

    private final String step;
    private final Map<Character, String> values;

    private ScramAttributes(String step, Map<Character, String> values) {
        this.step = step;
        this.values = values;
    }

    /** Parses {@code message}, the broker's {@code step} message (for errors: "server-first", "server-final"). */
    static ScramAttributes parse(String message, String step) {
        Map<Character, String> values = new HashMap<>();
        for (String part : message.split(",", -1)) {
            if (part.length() < 2 || part.charAt(1) != '=') {
                throw new SaslProtocolException("SCRAM " + step + " message is malformed");
            }
            values.putIfAbsent(part.charAt(0), part.substring(2));
        }
        return new ScramAttributes(step, values);
    }

    boolean has(char name) {
        return values.containsKey(name);
    }

    /** Fails with the server's {@code e=} error, if it sent one. */
    void failOnServerError(String mechanism) {
        String error = values.get('e');
        if (error != null) {
            throw new SaslProtocolException(mechanism + ": the broker ended the exchange with error: " + error);
        }
    }

    String required(char name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new SaslProtocolException("SCRAM " + step + " message lacks the attribute " + name);
        }
        return value;
    }

    byte[] base64(char name) {
        try {
            return Base64.getDecoder().decode(required(name));
        } catch (IllegalArgumentException e) {
            throw new SaslProtocolException("SCRAM " + step + " attribute " + name + " is not base64");
        }
    }

    int positiveInt(char name, int max) {
        try {
            int value = Integer.parseInt(required(name));
            if (value > 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SaslProtocolException("SCRAM " + step + " attribute " + name + " must be a number from 1 to " + max);
    }
}
