package io.kafkaex.autoconfigure;

import java.util.List;

/** {@link KafkaExConnectionDetails} from {@link KafkaExProperties}; used when no other bean of that type exists. */
final class PropertiesKafkaExConnectionDetails implements KafkaExConnectionDetails {

    private final KafkaExProperties properties;

    PropertiesKafkaExConnectionDetails(KafkaExProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<String> getBootstrapServers() {
        return properties.getBootstrapServers();
    }
}
