package io.kafkaex.client;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One configuration entry of a described resource: its name, its value ({@code null} when sensitive or unset),
 * whether it is read-only, where the value comes from, whether it is sensitive, its synonyms in order of
 * precedence (only when asked for), its data type and its documentation (only when asked for; brokers before
 * DescribeConfigs v3 send neither: {@link Type#UNKNOWN}, {@code null}). Immutable.
 */
public record ConfigEntry(String name, String value, boolean readOnly, Source source, boolean sensitive,
        List<Synonym> synonyms, Type type, String documentation) {

    /** Where a configuration value comes from, with its protocol codes. */
    public enum Source {
        UNKNOWN(0), DYNAMIC_TOPIC_CONFIG(1), DYNAMIC_BROKER_CONFIG(2), DYNAMIC_DEFAULT_BROKER_CONFIG(3),
        STATIC_BROKER_CONFIG(4), DEFAULT_CONFIG(5), DYNAMIC_BROKER_LOGGER_CONFIG(6), CLIENT_METRICS_CONFIG(7),
        GROUP_CONFIG(8);

        private final byte code;

        Source(int code) {
            this.code = (byte) code;
        }

        /** The source with this code; {@link #UNKNOWN} for a code this client does not know. */
        static Source forCode(byte code) {
            return Arrays.stream(values()).filter(source -> source.code == code).findFirst().orElse(UNKNOWN);
        }
    }

    /** The data type of a configuration value (DescribeConfigs v3+), in protocol code order. */
    public enum Type {
        UNKNOWN, BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD;

        /** The type with this code; {@link #UNKNOWN} for a code this client does not know. */
        static Type forCode(byte code) {
            return code > 0 && code < values().length ? values()[code] : UNKNOWN;
        }
    }

    /** A value the entry's name has at one level of precedence, e.g. the broker default under a topic config. */
    public record Synonym(String name, String value, Source source) {
    }

    /** A sensitive entry never carries its value (or its synonyms' values), whatever a broker sent. */
    public ConfigEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (sensitive) {
            value = null;
            synonyms = synonyms.stream().map(synonym -> new Synonym(synonym.name(), null, synonym.source())).toList();
        }
        synonyms = List.copyOf(synonyms);
    }
}
