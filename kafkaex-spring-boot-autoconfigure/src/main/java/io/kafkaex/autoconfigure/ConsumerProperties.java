package io.kafkaex.autoconfigure;

import io.kafkaex.spring.serialization.Deserializer;

import java.util.ArrayList;
import java.util.List;

/**
 * Properties under {@code kafkaex.consumer}: the consumer-group members behind listener containers. Part of
 * {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class ConsumerProperties {

    /** The consumer group of listeners that name none; a listener's groupId or id wins over it. */
    private String groupId;

    /**
     * Deserializer class for record keys. Unset: chosen by the listener parameter's type (String, byte[], Long,
     * Integer, else JSON through the application's Jackson mapper).
     */
    private Class<? extends Deserializer<?>> keyDeserializer;

    /**
     * Deserializer class for record values. Unset: chosen by the listener parameter's type (String, byte[], Long,
     * Integer, else JSON through the application's Jackson mapper).
     */
    private Class<? extends Deserializer<?>> valueDeserializer;

    /**
     * Packages whose classes the JSON type header may name when a listener's parameter type does not fix the type;
     * "*" trusts every package.
     */
    private List<String> jsonTrustedPackages = new ArrayList<>();

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public Class<? extends Deserializer<?>> getKeyDeserializer() {
        return keyDeserializer;
    }

    public void setKeyDeserializer(Class<? extends Deserializer<?>> keyDeserializer) {
        this.keyDeserializer = keyDeserializer;
    }

    public Class<? extends Deserializer<?>> getValueDeserializer() {
        return valueDeserializer;
    }

    public void setValueDeserializer(Class<? extends Deserializer<?>> valueDeserializer) {
        this.valueDeserializer = valueDeserializer;
    }

    public List<String> getJsonTrustedPackages() {
        return jsonTrustedPackages;
    }

    public void setJsonTrustedPackages(List<String> jsonTrustedPackages) {
        this.jsonTrustedPackages = jsonTrustedPackages;
    }
}
