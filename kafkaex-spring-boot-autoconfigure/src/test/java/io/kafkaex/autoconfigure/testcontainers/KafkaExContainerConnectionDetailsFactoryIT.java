package io.kafkaex.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.autoconfigure.KafkaExConnectionDetails;
import io.kafkaex.client.KafkaExClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A {@code @ServiceConnection} Kafka container is the cluster the client connects to, whatever
 * {@code kafkaex.bootstrap-servers} says. Needs Docker; skipped where there is none.
 */
@EnabledIf("dockerAvailable")
@SpringBootTest(classes = KafkaExContainerConnectionDetailsFactoryIT.Config.class,
        properties = "kafkaex.bootstrap-servers=not-the-container:9092")
class KafkaExContainerConnectionDetailsFactoryIT {

    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:4.0.0");

    @Autowired
    KafkaExConnectionDetails connectionDetails;

    @Autowired
    KafkaExClient client;

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Test
    void theClientReachesTheContainersBroker() {
        assertThat(connectionDetails.getBootstrapServers()).containsExactly(KAFKA.getBootstrapServers());
        assertThat(client.metadataSync().nodes()).hasSize(1);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(KafkaExAutoConfiguration.class)
    static class Config {
    }
}
