package io.kafkaex.consumer;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.test.KafkaTestCluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared pieces of the consumer-group ITs: options with short timeouts, producing, and a recording consumer. */
final class GroupTestSupport {

    private GroupTestSupport() {
    }

    static KafkaExClientOptions client(KafkaTestCluster cluster, String clientId) {
        return KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers()).clientId(clientId)
                .maxRetries(30).build();
    }

    /** A member with a 3-second session, 300-ms heartbeats, reading from the beginning, committing every second. */
    static ConsumerGroupOptions.Builder member(KafkaTestCluster cluster, String group, String topic, String clientId) {
        return member(client(cluster, clientId), group, topic);
    }

    /** {@link #member(KafkaTestCluster, String, String, String)} with client options of the test's own. */
    static ConsumerGroupOptions.Builder member(KafkaExClientOptions client, String group, String topic) {
        return ConsumerGroupOptions.builder(client, group, List.of(topic))
                .sessionTimeout(Duration.ofSeconds(3))
                .heartbeatInterval(Duration.ofMillis(300))
                .rebalanceTimeout(Duration.ofSeconds(20))
                .commitInterval(Duration.ofSeconds(1))
                .autoOffsetReset(OffsetResetPolicy.EARLIEST);
    }

    /** Writes {@code perPartition} records "p-i" to each partition and waits for all acknowledgements. */
    static void produce(KafkaTestCluster cluster, String topic, int partitions, int perPartition) {
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, "group-it-producer"))
                .build())) {
            for (int i = 0; i < perPartition; i++) {
                for (int p = 0; p < partitions; p++) {
                    producer.send(ProducerRecord.of(topic, p, null, (p + "-" + i).getBytes(StandardCharsets.UTF_8)));
                }
            }
            producer.flush();
        }
    }

    /**
     * Records what the members handled: how many times each (partition, offset). Its state is the partition itself, as
     * kafka_ex's {@code init} would keep it.
     */
    static class Recorder implements GenConsumer<TopicPartition> {

        final Map<TopicPartition, Map<Long, AtomicInteger>> handled;
        final List<Set<TopicPartition>> received = new CopyOnWriteArrayList<>();
        final List<Set<TopicPartition>> revoked = new CopyOnWriteArrayList<>();
        volatile Duration sleepPerBatch = Duration.ZERO;
        volatile int recordsPerMilliSleep;

        Recorder(Map<TopicPartition, Map<Long, AtomicInteger>> handled) {
            this.handled = handled;
        }

        Recorder() {
            this(new ConcurrentHashMap<>());
        }

        @Override
        public TopicPartition init(TopicPartition partition) {
            return partition;
        }

        @Override
        public HandleResult<TopicPartition> handleMessageSet(List<Record> records, TopicPartition partition) {
            long sleep = sleepPerBatch.toMillis() + (recordsPerMilliSleep == 0 ? 0 : records.size() / recordsPerMilliSleep);
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<Long, AtomicInteger> offsets = handled.computeIfAbsent(partition, p -> new ConcurrentHashMap<>());
            for (Record record : records) {
                offsets.computeIfAbsent(record.offset(), o -> new AtomicInteger()).incrementAndGet();
            }
            return HandleResult.asyncCommit(partition);
        }

        @Override
        public void assignmentsReceived(Set<TopicPartition> partitions) {
            received.add(Set.copyOf(partitions));
        }

        @Override
        public void assignmentsRevoked(Set<TopicPartition> partitions) {
            revoked.add(Set.copyOf(partitions));
        }

        /** How many distinct records were handled. */
        long distinctHandled() {
            return handled.values().stream().mapToLong(Map::size).sum();
        }
    }
}
