package io.kafkaex.spring.health;

import io.kafkaex.spring.listener.MessageListenerContainer;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of one listener container: UP while it runs or (re)joins its group, DOWN when it failed for good (with the
 * failure), UNKNOWN while it is stopped, so a listener stopped on purpose does not mark the application down. Details:
 * state, group, topics, paused, held partitions.
 *
 * <p>Thread-safe: containers may be read from any thread.
 */
public class ListenerContainerHealthIndicator implements HealthIndicator {

    private final MessageListenerContainer container;

    public ListenerContainerHealthIndicator(MessageListenerContainer container) {
        this.container = container;
    }

    @Override
    public Health health() {
        Health.Builder health = switch (container.getState()) {
            case RUNNING, STARTING -> Health.up();
            case STOPPED -> Health.unknown();
            case FAILED -> Health.down().withDetail("failure", container.getFailure()
                    .map(failure -> failure.getClass().getSimpleName() + ": " + failure.getMessage())
                    .orElse("unknown"));
        };
        return health.withDetail("state", container.getState().name())
                .withDetail("groupId", container.getGroupId())
                .withDetail("topics", container.getTopics().stream().sorted().toList())
                .withDetail("paused", container.isPauseRequested())
                .withDetail("assignedPartitions", container.getAssignments().size())
                .build();
    }
}
