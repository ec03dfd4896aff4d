package io.kafkaex.spring.listener;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the auto-startup containers of the {@link KafkaExListenerEndpointRegistry} once the context is ready (in a
 * late phase, after the application's other lifecycle beans) and stops every container when it closes (early, before
 * them), each gracefully: batches finish and what was processed is committed. Thread-safe.
 */
public class KafkaExListenerContainersLifecycle implements SmartLifecycle {

    private final KafkaExListenerEndpointRegistry registry;
    private volatile boolean running;

    public KafkaExListenerContainersLifecycle(KafkaExListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void start() {
        running = true;
        registry.getListenerContainers().stream().filter(MessageListenerContainer::isAutoStartup)
                .forEach(MessageListenerContainer::start);
    }

    @Override
    public void stop() {
        running = false;
        registry.getListenerContainers().parallelStream().forEach(MessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return KafkaExMessageListenerContainer.PHASE;
    }
}
