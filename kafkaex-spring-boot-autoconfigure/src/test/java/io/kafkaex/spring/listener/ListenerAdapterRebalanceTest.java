package io.kafkaex.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListenerAdapterRebalanceTest {

    private static final Set<TopicPartition> PARTITIONS = Set.of(new TopicPartition("orders", 0));

    @Test
    void everyRebalanceListenerHearsAssignmentsAndRevocationsEvenAfterOneThrew() {
        List<String> heard = new ArrayList<>();
        ListenerRebalanceListener throwing = new ListenerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(String listenerId, Set<TopicPartition> partitions) {
                throw new IllegalStateException("broken callback");
            }
        };
        ListenerRebalanceListener recording = new ListenerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(String listenerId, Set<TopicPartition> partitions) {
                heard.add("assigned " + listenerId + " " + partitions);
            }

            @Override
            public void onPartitionsRevoked(String listenerId, Set<TopicPartition> partitions) {
                heard.add("revoked " + listenerId + " " + partitions);
            }
        };
        ListenerAdapter adapter = new ListenerAdapter(new ListenerSettings("orders-listener", "billing", false,
                CommitMode.ASYNC, null), null, null, null, null, new StopSignal(), () -> null,
                List.of(throwing, recording), List.of());

        adapter.assignmentsReceived(PARTITIONS);
        adapter.assignmentsRevoked(PARTITIONS);

        assertThat(heard).containsExactly("assigned orders-listener " + PARTITIONS,
                "revoked orders-listener " + PARTITIONS);
    }
}
