package io.kafkaex.docs.samples.gettingstarted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The getting-started guide's test, run by the build against a real broker: the application sends, books and
 * dead-letters orders as the guide says. Its configuration is the guide's {@code application.yml}
 * ({@code samples/getting-started-application.yml}, imported by this module's test {@code application.properties}).
 */
// tag::test[]
@SpringBootTest
@KafkaExBroker
class OrderServiceIT {

    static KafkaTestCluster kafka;

    @BeforeAll
    static void broker(KafkaTestCluster cluster) {
        kafka = cluster;                           // runs before the application context starts
    }

    @DynamicPropertySource
    static void kafkaex(DynamicPropertyRegistry registry) {
        registry.add("kafkaex.bootstrap-servers", () -> kafka.bootstrapServers());
    }

    @Autowired
    OrderService orders;

    @Test
    void aPlacedOrderIsBooked() throws Exception {
        orders.place(new Order("o-1", 2)).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(orders.booked).contains("o-1"));
    }

    @Test
    void anOrderThatFailsThreeTimesGoesToTheDeadLetterTopic() throws Exception {
        orders.place(new Order("o-2", 0)).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(orders.notBooked).containsKey("o-2"));
        assertThat(orders.notBooked.get("o-2")).contains("quantity must be positive");
        assertThat(orders.booked).doesNotContain("o-2");
    }
}
// end::test[]
