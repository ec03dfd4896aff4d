package io.kafkaex.consumer;

import io.kafkaex.consumer.assignor.PartitionAssignors;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kafkaex.consumer.GroupTestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;

/** A KafkaEx member and a kafka-clients {@code KafkaConsumer} in one group share a topic's partitions. */
@KafkaExBroker
class MixedGroupIT {

    @Test
    void aKafkaExMemberAndAJavaConsumerShareTheRangeAssignment(KafkaTestCluster cluster) throws Exception {
        String topic = "cg-it-mixed";
        String group = "cg-it-mixed-group";
        cluster.createTopic(topic, 6, 1);
        Set<TopicPartition> javaOwned = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger javaRecords = new AtomicInteger();
        Thread java = new Thread(() -> pollAsJava(cluster, group, topic, javaOwned, javaRecords, running), "java-member");
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder();
        try (KafkaExConsumerGroup ours = KafkaExConsumerGroup.start(member(cluster, group, topic, "kafkaex-member")
                .assignors(List.of(PartitionAssignors.byName("range"))).build(), recorder)) {
            java.start();
            Eventually.until(Duration.ofSeconds(60), () -> ours.isStable() && ours.assignments().size() == 3
                    && javaOwned.size() == 3);
            Set<String> union = new HashSet<>();
            ours.assignments().forEach(tp -> union.add(tp.toString()));
            javaOwned.forEach(tp -> union.add(tp.toString()));
            assertThat(union).as("every partition owned once").hasSize(6);
            GroupTestSupport.produce(cluster, topic, 6, 50);
            Eventually.until(() -> ConsumerGroupIT.distinct(recorder.handled) == 150 && javaRecords.get() == 150);
            assertThat(recorder.handled.keySet()).as("only our partitions").containsExactlyInAnyOrderElementsOf(ours.assignments());
        } finally {
            running.set(false);
            java.join(20_000);
        }
    }

    private static void pollAsJava(KafkaTestCluster cluster, String group, String topic, Set<TopicPartition> owned,
            AtomicInteger records, AtomicBoolean running) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "3000");
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "300");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    owned.removeAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    owned.addAll(partitions);
                }
            });
            while (running.get()) {
                records.addAndGet(consumer.poll(Duration.ofMillis(100)).count());
            }
        }
    }
}
