package io.kafkaex.client;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Something with configuration a client can describe and alter: a topic, a broker (its id; the empty name for
 * the cluster-wide broker defaults) or a broker's loggers (its id). Requests about one broker go to that broker.
 * Immutable.
 */
public record ConfigResource(Type type, String name) {

    /** The kinds of resource, with their protocol codes. */
    public enum Type {
        TOPIC(2), BROKER(4), BROKER_LOGGER(8);

        private final byte code;

        Type(int code) {
            this.code = (byte) code;
        }

        public byte code() {
            return code;
        }
    }

    public ConfigResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        boolean brokerId = name.chars().allMatch(Character::isDigit) && !name.isEmpty();
        if (type == Type.TOPIC && name.isEmpty()
                || type == Type.BROKER && !name.isEmpty() && !brokerId
                || type == Type.BROKER_LOGGER && !brokerId) {
            throw new IllegalArgumentException(type + " resource name must be "
                    + (type == Type.TOPIC ? "a topic name" : "a broker id" + (type == Type.BROKER ? " or empty" : ""))
                    + ", was '" + name + "'");
        }
    }

    public static ConfigResource topic(String name) {
        return new ConfigResource(Type.TOPIC, name);
    }

    public static ConfigResource broker(int id) {
        return new ConfigResource(Type.BROKER, Integer.toString(id));
    }

    /** The cluster-wide defaults of dynamic broker configuration. */
    public static ConfigResource brokerDefaults() {
        return new ConfigResource(Type.BROKER, "");
    }

    public static ConfigResource brokerLoggers(int id) {
        return new ConfigResource(Type.BROKER_LOGGER, Integer.toString(id));
    }

    /** The broker a request about this resource must go to, or empty when any broker will do. */
    OptionalInt brokerId() {
        return type == Type.TOPIC || name.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(name));
    }
}
