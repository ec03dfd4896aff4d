package io.kafkaex.autoconfigure;

import io.kafkaex.KafkaExException;

/**
 * A {@code kafkaex.*} property has a value KafkaEx cannot use. Thrown while the context starts; the failure analyzer
 * turns it into a start-up report naming the property, the value and what is allowed.
 */
public class InvalidKafkaExPropertyException extends KafkaExException {

    private final String property;
    private final transient Object value;
    private final String allowed;

    /**
     * @param property the full property name, e.g. {@code kafkaex.producer.batch-size}
     * @param value the value it has
     * @param allowed what it may be, e.g. "a size between 0 and 2147483647 bytes"
     */
    public InvalidKafkaExPropertyException(String property, Object value, String allowed, Throwable cause) {
        super("Invalid value '" + value + "' for " + property + ": it must be " + allowed, cause);
        this.property = property;
        this.value = value;
        this.allowed = allowed;
    }

    public String getProperty() {
        return property;
    }

    public Object getValue() {
        return value;
    }

    public String getAllowed() {
        return allowed;
    }
}
