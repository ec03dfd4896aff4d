package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kafkaex.consumer.GroupTestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;

/** At least once while members come and go: every record of 100,000 is handled, whatever the rebalances. */
@KafkaExBroker
class GroupChurnIT {

    private static final int PARTITIONS = 6;
    private static final int PER_PARTITION = 16_667; // 100,002 records

    @Test
    void everyRecordIsHandledAtLeastOnceWhileMembersJoinAndLeave(KafkaTestCluster cluster) throws Exception {
        String topic = "cg-it-churn";
        String group = "cg-it-churn-group";
        cluster.createTopic(topic, PARTITIONS, 1);
        GroupTestSupport.produce(cluster, topic, PARTITIONS, PER_PARTITION);
        Map<TopicPartition, Map<Long, AtomicInteger>> handled = new ConcurrentHashMap<>();
        Deque<KafkaExConsumerGroup> members = new ArrayDeque<>();
        int started = 0;
        try {
            for (; started < 3; started++) {
                members.add(start(cluster, group, topic, handled, started));
            }
            long total = (long) PARTITIONS * PER_PARTITION;
            // churn: five times the oldest member leaves and a new one joins while records remain
            for (int churn = 0; churn < 5; churn++) {
                Thread.sleep(700);
                assertThat(ConsumerGroupIT.distinct(handled)).as("records remain at churn %d", churn).isLessThan(total);
                members.removeFirst().close();
                members.add(start(cluster, group, topic, handled, started++));
            }
            Eventually.until(Duration.ofSeconds(120), () -> ConsumerGroupIT.distinct(handled) == total);
            for (int p = 0; p < PARTITIONS; p++) {
                assertThat(handled.get(new TopicPartition(topic, p))).as("partition %d", p).hasSize(PER_PARTITION);
            }
        } finally {
            members.forEach(KafkaExConsumerGroup::close);
        }
    }

    private static KafkaExConsumerGroup start(KafkaTestCluster cluster, String group, String topic,
            Map<TopicPartition, Map<Long, AtomicInteger>> handled, int index) {
        GroupTestSupport.Recorder recorder = new GroupTestSupport.Recorder(handled);
        recorder.recordsPerMilliSleep = 2; // 0.5 ms a record: at least 8 s per partition, so members change mid-way
        return KafkaExConsumerGroup.start(member(cluster, group, topic, "churn-" + index)
                .fetch(FetcherOptions.defaults().withPartitionMaxBytes(8 * 1024)).build(), recorder);
    }
}
