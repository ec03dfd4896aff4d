package io.kafkaex.docs.samples.listeners;

import io.kafkaex.spring.listener.ContainerState;
import io.kafkaex.spring.listener.KafkaExListenerEndpointRegistry;
import io.kafkaex.spring.listener.MessageListenerContainer;

/** Starting, stopping, pausing and resuming listeners through the registry. */
class RegistrySample {

    private final KafkaExListenerEndpointRegistry registry;

    RegistrySample(KafkaExListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    ContainerState controlListeners() {
        // tag::registry[]
        registry.start("later");                       // e.g. a listener with autoStartup = "false"
        registry.pause("orderService.onOrder");        // stops fetching for every held partition (and later ones)
        registry.resume("orderService.onOrder");
        registry.stop("later");                        // graceful, as at shutdown
        MessageListenerContainer container = registry.getListenerContainer("later").orElseThrow();
        container.getState();                          // STOPPED, STARTING, RUNNING or FAILED
        // end::registry[]
        return container.getState();
    }

    boolean pauseAndResume() {
        // tag::pause-resume[]
        registry.pause("orderService.onOrder");
        registry.getListenerContainer("orderService.onOrder").orElseThrow().isPauseRequested();  // true
        registry.resume("orderService.onOrder");
        // end::pause-resume[]
        return registry.getListenerContainer("orderService.onOrder").orElseThrow().isPauseRequested();
    }
}
