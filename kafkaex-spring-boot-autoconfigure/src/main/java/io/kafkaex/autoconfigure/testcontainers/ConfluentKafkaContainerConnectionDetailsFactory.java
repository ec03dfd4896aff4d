package io.kafkaex.autoconfigure.testcontainers;

import org.testcontainers.kafka.ConfluentKafkaContainer;

/**
 * Makes a {@code @ServiceConnection} {@link ConfluentKafkaContainer} (Confluent Platform image) the cluster KafkaEx
 * connects to. Listed in {@code META-INF/spring.factories}.
 */
class ConfluentKafkaContainerConnectionDetailsFactory
        extends KafkaExContainerConnectionDetailsFactory<ConfluentKafkaContainer> {

    ConfluentKafkaContainerConnectionDetailsFactory() {
        super(ConfluentKafkaContainer::getBootstrapServers);
    }
}
