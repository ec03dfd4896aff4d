package io.kafkaex.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.autoconfigure.KafkaExProperties;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/** The sample application, started as the README's run command starts it: with an embedded real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EmbeddedKafkaConfiguration.class)
class SampleApplicationIT {

    @Autowired
    private EmbeddedKafkaBroker embeddedBroker;

    @Autowired
    private KafkaExProperties properties;

    @LocalServerPort
    private int port;

    @Test
    void pointsKafkaExAtTheEmbeddedBrokerAndReportsItReachable() {
        assertThat(embeddedBroker.cluster()).isNotNull();
        assertThat(properties.getBootstrapServers()).containsExactly(embeddedBroker.cluster().bootstrapServers());

        List<?> statuses = RestClient.create("http://127.0.0.1:" + port).get().uri("/broker")
                .retrieve().body(List.class);

        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).toString()).contains("reachable=true");
    }
}
