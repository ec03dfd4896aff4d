package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.PartitionLag;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.SmartLifecycle;

/**
 * A running {@code @KafkaExListener}: one or more consumer-group members (its concurrency) that invoke the listener
 * method. Started when the context is ready (unless auto-startup is off) and stopped gracefully, committing what was
 * processed. Listed by the {@link KafkaExListenerEndpointRegistry}, read by the health indicator, the metrics and the
 * {@code kafkaex} actuator endpoint.
 *
 * <p>Threads: every method may be called from any thread.
 */
public interface MessageListenerContainer extends SmartLifecycle {

    /** The listener's id: its {@code id} attribute, or a generated one. */
    String getListenerId();

    /** The consumer group its members join. */
    String getGroupId();

    /** The topics it subscribes to. */
    Set<String> getTopics();

    ContainerState getState();

    /** The partitions its members hold now. */
    Set<TopicPartition> getAssignments();

    /** Lag of every held partition. */
    Map<TopicPartition, PartitionLag> getLag();

    /** Why the container failed, when {@link #getState()} is {@link ContainerState#FAILED}. */
    Optional<Throwable> getFailure();

    /** Stops fetching for every held partition (and ones assigned later) until {@link #resume()}. */
    void pause();

    void resume();

    boolean isPauseRequested();
}
