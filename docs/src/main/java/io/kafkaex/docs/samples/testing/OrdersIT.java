package io.kafkaex.docs.samples.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.kafka.KafkaContainer;

/** A test whose Kafka is a Testcontainers container, found through {@code @ServiceConnection}. Never run here. */
// tag::service-connection[]
@SpringBootTest
class OrdersIT {

    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:4.0.0");

    // tests that send with the KafkaExTemplate and wait for the listeners
}
// end::service-connection[]
