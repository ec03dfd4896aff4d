package io.kafkaex.autoconfigure.testcontainers;

import org.testcontainers.kafka.KafkaContainer;

/**
 * Makes a {@code @ServiceConnection} {@link KafkaContainer} (Apache Kafka image) the cluster KafkaEx connects to.
 * Listed in {@code META-INF/spring.factories}.
 */
class KafkaContainerConnectionDetailsFactory extends KafkaExContainerConnectionDetailsFactory<KafkaContainer> {

    KafkaContainerConnectionDetailsFactory() {
        super(KafkaContainer::getBootstrapServers);
    }
}
