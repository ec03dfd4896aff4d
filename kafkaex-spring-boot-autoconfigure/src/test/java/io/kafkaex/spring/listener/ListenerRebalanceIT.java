package io.kafkaex.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.autoconfigure.ListenerITSupport;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link ListenerRebalanceListener} beans hear every member's assignments and revocations on the shared broker: a
 * listener's two partitions are assigned when it starts, a second member takes one of them over (revoked from the
 * first), and the container's stop revokes what each member holds.
 */
@KafkaExBroker
class ListenerRebalanceIT {

    private static final String P = "ListenerRebalanceIT";
    private static final String TOPIC = P + "-topic";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private static ListenerITSupport support;

    @BeforeAll
    static void topic(KafkaTestCluster cluster) {
        support = ListenerITSupport.on(cluster).withTopic(TOPIC, 2);
    }

    @AfterAll
    static void close() {
        support.close();
    }

    @Test
    void rebalanceListenersHearAssignmentsAndRevocationsOfEveryMember() {
        Recorder recorder = new Recorder();
        support.runner(P).withUserConfiguration(Listeners.class).withBean(Recorder.class, () -> recorder)
                .run(context -> {
                    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                            assertThat(recorder.assigned("first")).containsExactlyInAnyOrder(P0, P1));

                    context.getBean(KafkaExListenerEndpointRegistry.class).start("second");

                    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                        assertThat(recorder.assigned("second")).hasSize(1);
                        assertThat(recorder.revoked("first")).isNotEmpty();
                    });
                    TopicPartition taken = recorder.assigned("second").iterator().next();
                    context.getBean(KafkaExListenerEndpointRegistry.class).stop("second");
                    assertThat(recorder.revoked("second")).as("revoked when its container stopped").contains(taken);
                });
        assertThat(recorder.events).as("no callback for another listener id").allMatch(event ->
                event.listenerId().equals("first") || event.listenerId().equals("second"));
    }

    /** What a test rebalance listener heard. */
    record Event(String listenerId, boolean assigned, Set<TopicPartition> partitions) {
    }

    static final class Recorder implements ListenerRebalanceListener {

        final Queue<Event> events = new ConcurrentLinkedQueue<>();

        @Override
        public void onPartitionsAssigned(String listenerId, Set<TopicPartition> partitions) {
            events.add(new Event(listenerId, true, partitions));
        }

        @Override
        public void onPartitionsRevoked(String listenerId, Set<TopicPartition> partitions) {
            events.add(new Event(listenerId, false, partitions));
        }

        /** The partitions {@code listenerId} holds according to the events so far. */
        Set<TopicPartition> assigned(String listenerId) {
            Set<TopicPartition> held = new HashSet<>();
            for (Event event : List.copyOf(events)) {
                if (event.listenerId().equals(listenerId)) {
                    if (event.assigned()) {
                        held.addAll(event.partitions());
                    } else {
                        held.removeAll(event.partitions());
                    }
                }
            }
            return held;
        }

        /** Every partition {@code listenerId} ever gave up. */
        Set<TopicPartition> revoked(String listenerId) {
            Set<TopicPartition> revoked = new HashSet<>();
            events.stream().filter(event -> event.listenerId().equals(listenerId) && !event.assigned())
                    .forEach(event -> revoked.addAll(event.partitions()));
            return revoked;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {

        @KafkaExListener(id = "first", topics = TOPIC, groupId = P + "-group")
        void first(String value) {
        }

        @KafkaExListener(id = "second", topics = TOPIC, groupId = P + "-group", autoStartup = "false")
        void second(String value) {
        }
    }
}
