package io.kafkaex.docs.samples.listeners;

import io.kafkaex.docs.samples.listeners.OrderEvents.OrderCancelled;
import io.kafkaex.docs.samples.listeners.OrderEvents.OrderCreated;
import io.kafkaex.spring.annotation.KafkaExHandler;
import io.kafkaex.spring.annotation.KafkaExListener;

import org.springframework.stereotype.Component;

// tag::class-level[]
@Component
@KafkaExListener(id = "events", topics = "events")
class EventHandlers {

    @KafkaExHandler
    void created(OrderCreated event) {
        // values whose __TypeId__ header names OrderCreated
    }

    @KafkaExHandler
    void cancelled(OrderCancelled event) {
        // values whose __TypeId__ header names OrderCancelled
    }

    @KafkaExHandler(isDefault = true)
    void other(Object event) {
        // everything else
    }
}
// end::class-level[]
