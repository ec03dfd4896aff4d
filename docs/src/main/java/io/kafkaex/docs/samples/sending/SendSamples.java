package io.kafkaex.docs.samples.sending;

import io.kafkaex.docs.samples.Order;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.spring.core.KafkaExTemplate;
import io.kafkaex.spring.support.KafkaExHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.messaging.support.MessageBuilder;

/** The send forms of {@code KafkaExTemplate}. */
class SendSamples {

    private final KafkaExTemplate<String, Order> template;

    SendSamples(KafkaExTemplate<String, Order> template) {
        this.template = template;
    }

    void sendWithEverything(Order order) {
        // tag::send-all-fields[]
        template.send("orders", 2, Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(), "o-7", order,
                List.of(Header.of("origin", "web".getBytes(StandardCharsets.UTF_8))));
        // end::send-all-fields[]
    }

    void sendMessage(Order order) {
        // tag::send-message[]
        template.send(MessageBuilder.withPayload(order)
                .setHeader(KafkaExHeaders.TOPIC, "orders")
                .setHeader(KafkaExHeaders.KEY, order.id())
                .setHeader("source", "checkout")          // a record header "source" = "checkout"
                .build());
        // end::send-message[]
    }
}
