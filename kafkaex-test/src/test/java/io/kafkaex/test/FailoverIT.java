package io.kafkaex.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.test.junit.KafkaExCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A three-node cluster survives the SIGKILL of a partition leader: a topic with replication factor 3 keeps
 * accepting and serving records, the surviving brokers name a new leader, and the killed node rejoins
 * after a restart.
 */
@KafkaExCluster(brokers = 3)
class FailoverIT {

    private static final String TOPIC = "failover";
    private static final Duration LEADER_MOVE_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void replicatedTopicKeepsWorkingAfterItsLeaderIsKilled(KafkaTestCluster cluster) throws Exception {
        cluster.createTopic(TOPIC, 1, 3, Map.of("min.insync.replicas", "2"));
        int leader = cluster.metadata(TOPIC).partition(TOPIC, 0).orElseThrow().leader();
        assertThat(cluster.brokerIds()).contains(leader);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(cluster))) {
            producer.send(new ProducerRecord<>(TOPIC, "k", "before")).get(30, TimeUnit.SECONDS);

            cluster.killBroker(leader);
            assertThat(cluster.isRunning(leader)).isFalse();

            int survivor = cluster.brokerIds().stream().filter(id -> id != leader).findFirst().orElseThrow();
            int newLeader = awaitNewLeader(cluster, survivor, leader);
            for (int id : cluster.brokerIds()) {
                if (id != leader) {
                    // each survivor learns of the change on its own schedule: wait for it, then compare
                    assertThat(awaitNewLeader(cluster, id, leader)).as("leader named by surviving broker %d", id)
                            .isEqualTo(newLeader);
                }
            }

            producer.send(new ProducerRecord<>(TOPIC, "k", "after")).get(30, TimeUnit.SECONDS);
        }
        assertThat(consumeAll(cluster, 2)).containsExactly("before", "after");

        cluster.startBroker(leader);
        assertThat(cluster.isRunning(leader)).isTrue();
        awaitBrokerListed(cluster, leader);
    }

    @Test
    void stoppedBrokerLeavesTheClusterCleanly(KafkaTestCluster cluster) {
        int last = cluster.brokerIds().get(cluster.brokerIds().size() - 1);
        cluster.stopBroker(last);
        assertThat(cluster.isRunning(last)).isFalse();
        long deadline = System.nanoTime() + LEADER_MOVE_TIMEOUT.toNanos();
        while (cluster.metadata().brokers().stream().anyMatch(b -> b.id() == last)) {
            assertThat(System.nanoTime() - deadline).as("broker %d still listed", last).isNegative();
            sleep();
        }
        cluster.startBroker(last);
        awaitBrokerListed(cluster, last);
    }

    private static int awaitNewLeader(KafkaTestCluster cluster, int askedBroker, int oldLeader) {
        long deadline = System.nanoTime() + LEADER_MOVE_TIMEOUT.toNanos();
        while (true) {
            int leader = cluster.metadataFrom(askedBroker, TOPIC).partition(TOPIC, 0).orElseThrow().leader();
            if (leader >= 0 && leader != oldLeader) {
                return leader;
            }
            assertThat(System.nanoTime() - deadline).as("leadership still on %d", oldLeader).isNegative();
            sleep();
        }
    }

    private static void awaitBrokerListed(KafkaTestCluster cluster, int brokerId) {
        long deadline = System.nanoTime() + LEADER_MOVE_TIMEOUT.toNanos();
        while (cluster.metadata().brokers().stream().noneMatch(b -> b.id() == brokerId)) {
            assertThat(System.nanoTime() - deadline).as("broker %d not listed again", brokerId).isNegative();
            sleep();
        }
    }

    private static List<String> consumeAll(KafkaTestCluster cluster, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static Properties producerConfig(KafkaTestCluster cluster) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
