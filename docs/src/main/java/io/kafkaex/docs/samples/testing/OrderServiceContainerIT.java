package io.kafkaex.docs.samples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.KafkaExClient;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** A test whose cluster is a Testcontainers container managed by JUnit. Compiled only (no Docker here). */
// tag::container-test[]
@SpringBootTest
@Testcontainers
class OrderServiceContainerIT {

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:4.0.0");

    @Autowired
    KafkaExClient client;

    @Test
    void theClientTalksToTheContainer() {
        assertThat(client.metadataSync().nodes()).hasSize(1);
    }
}
// end::container-test[]
