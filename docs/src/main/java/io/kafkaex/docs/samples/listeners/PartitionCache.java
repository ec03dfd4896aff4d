package io.kafkaex.docs.samples.listeners;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.spring.listener.ListenerRebalanceListener;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Keeps per-partition state of one listener across rebalances: loads it when a partition is assigned, drops it when
 * the partition is revoked. Called on the members' coordination threads, hence the concurrent map.
 */
// tag::rebalance-listener[]
@Component
class PartitionCache implements ListenerRebalanceListener {

    private final Map<TopicPartition, Long> totals = new ConcurrentHashMap<>();

    @Override
    public void onPartitionsAssigned(String listenerId, Set<TopicPartition> partitions) {
        if (listenerId.equals("orderService.onOrder")) {      // every bean hears every listener
            partitions.forEach(partition -> totals.put(partition, loadTotal(partition)));
        }
    }

    @Override
    public void onPartitionsRevoked(String listenerId, Set<TopicPartition> partitions) {
        if (listenerId.equals("orderService.onOrder")) {      // their last records were handled and committed
            partitions.forEach(totals::remove);
        }
    }

    private long loadTotal(TopicPartition partition) {
        return 0L;                                            // e.g. read from a database
    }
}
// end::rebalance-listener[]
