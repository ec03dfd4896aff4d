package io.kafkaex.autoconfigure;

import io.kafkaex.spring.serialization.Serializer;

/**
 * Properties under {@code kafkaex.producer}: the producer behind the template. Part of {@link KafkaExProperties};
 * bound at start-up, read-only afterwards.
 */
public class ProducerProperties {

    /**
     * Serializer class for record keys. Unset: chosen by the key's type (String as UTF-8, byte[] as is, Long and
     * Integer big-endian, anything else as JSON through the application's Jackson mapper).
     */
    private Class<? extends Serializer<?>> keySerializer;

    /**
     * Serializer class for record values. Unset: chosen by the value's type (String as UTF-8, byte[] as is, Long and
     * Integer big-endian, anything else as JSON through the application's Jackson mapper).
     */
    private Class<? extends Serializer<?>> valueSerializer;

    /**
     * When set, the template's producers are transactional, with transactional ids made of this prefix and a number,
     * and KafkaExTemplate.executeInTransaction is available.
     */
    private String transactionIdPrefix;

    public Class<? extends Serializer<?>> getKeySerializer() {
        return keySerializer;
    }

    public void setKeySerializer(Class<? extends Serializer<?>> keySerializer) {
        this.keySerializer = keySerializer;
    }

    public Class<? extends Serializer<?>> getValueSerializer() {
        return valueSerializer;
    }

    public void setValueSerializer(Class<? extends Serializer<?>> valueSerializer) {
        this.valueSerializer = valueSerializer;
    }

    public String getTransactionIdPrefix() {
        return transactionIdPrefix;
    }

    public void setTransactionIdPrefix(String transactionIdPrefix) {
        this.transactionIdPrefix = transactionIdPrefix;
    }
}
