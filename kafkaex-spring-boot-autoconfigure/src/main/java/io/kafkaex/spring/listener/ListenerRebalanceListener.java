package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;

import java.util.Set;

/**
 * Hears the partitions a listener's members get and give up in rebalances (spring-kafka's consumer rebalance listener):
 * e.g. to load or flush per-partition state. Every bean of this type is told about every listener, in
 * {@link org.springframework.core.Ordered} order; use the listener id to pick yours.
 *
 * <p>Threads: called on the member's coordination thread, never on two threads at once for one member. Revocations
 * come after the revoked partitions' last batches were handled and committed; assignments before their first records
 * are fetched. Return quickly: the member cannot heartbeat-rejoin while the callback runs. A callback that throws is
 * logged; the rebalance goes on.
 */
public interface ListenerRebalanceListener {

    /** {@code partitions} were assigned to one member of listener {@code listenerId}. */
    default void onPartitionsAssigned(String listenerId, Set<TopicPartition> partitions) {
    }

    /** One member of listener {@code listenerId} gave up {@code partitions}: in a rebalance, or as the container stops. */
    default void onPartitionsRevoked(String listenerId, Set<TopicPartition> partitions) {
    }
}
