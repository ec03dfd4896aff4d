package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafkaex.protocol.error.KafkaUnknownTopicOrPartitionException;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** earliest/latest offsets and offsets by time against a real broker. */
@KafkaExBroker
class OffsetsIT {

    private static final String TOPIC = "offsets-it";

    @Test
    void listsEarliestLatestAndTimeBasedOffsets(KafkaTestCluster cluster) throws Exception {
        cluster.createTopic(TOPIC, 2, 1);
        try (KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers()).clientId("offsets-it").build())) {
            assertThat(client.earliestOffsetSync(TOPIC, 0)).isZero();
            assertThat(client.latestOffsetSync(TOPIC, 0)).isZero();

            client.produceSync(TOPIC, 0, List.of(record(1_000), record(2_000), record(3_000)), ProduceOptions.defaults());

            assertThat(client.earliestOffsetSync(TOPIC, 0)).isZero();
            assertThat(client.latestOffsetSync(TOPIC, 0)).isEqualTo(3);
            PartitionOffset atTwoSeconds = client.offsetForTime(TOPIC, 0, 1_500).get(30, TimeUnit.SECONDS);
            assertThat(atTwoSeconds.offset()).isEqualTo(1);
            assertThat(atTwoSeconds.timestamp()).isEqualTo(2_000);
            assertThat(client.offsetForTime(TOPIC, 0, 9_000).get(30, TimeUnit.SECONDS).offset()).as("nothing that recent")
                    .isEqualTo(-1);

            List<PartitionOffset> several = client.listOffsets(List.of(new OffsetQuery(TOPIC, 0, OffsetQuery.LATEST),
                    new OffsetQuery(TOPIC, 1, OffsetQuery.LATEST), new OffsetQuery(TOPIC, 0, OffsetQuery.EARLIEST)))
                    .get(30, TimeUnit.SECONDS);
            assertThat(several).extracting(PartitionOffset::partition, PartitionOffset::offset)
                    .containsExactly(tuple(0, 3L), tuple(1, 0L),
                            tuple(0, 0L));

            assertThatThrownBy(() -> client.latestOffsetSync(TOPIC, 5)).isInstanceOf(KafkaUnknownTopicOrPartitionException.class)
                    .hasMessageContaining("the topic has 2 partitions");
        }
    }

    private static ProduceRecord record(long timestamp) {
        return ProduceRecord.of(null, ("at " + timestamp).getBytes(StandardCharsets.UTF_8)).withTimestamp(timestamp);
    }
}
