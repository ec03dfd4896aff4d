package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.JavaConsumerReads;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The idempotent producer while the partition's leader is killed mid-run on a 3-broker cluster (replication 3,
 * min.insync.replicas 2): requests lost with the leader are sent again to the new one, which drops what it
 * already has, so every record is stored exactly once and in the order it was sent.
 */
@KafkaExCluster(brokers = 3)
class ProducerFailoverIT {

    private static final String TOPIC = "producer-failover-it";
    private static final int RECORDS = 30_000;

    @Test
    void everyRecordIsStoredOnceAndInOrderWhenTheLeaderIsKilledMidRun(KafkaTestCluster cluster) throws Exception {
        cluster.createTopic(TOPIC, 1, 3, Map.of("min.insync.replicas", "2"));
        ProducerOptions options = ProducerOptions.builder(KafkaExProducerIT.client(cluster, "producer-failover-it").build())
                .requestTimeout(Duration.ofSeconds(10)).deliveryTimeout(Duration.ofMinutes(2)).build();
        assertThat(options.idempotence()).isTrue();
        List<String> sent = new ArrayList<>();
        List<CompletableFuture<RecordMetadata>> results = new ArrayList<>();
        int killed = -1;
        try (KafkaExProducer producer = KafkaExProducer.create(options)) {
            for (int i = 0; i < RECORDS; i++) {
                if (i == RECORDS / 3) {
                    results.get(i - 1).get(30, TimeUnit.SECONDS); // the leader has taken records
                    killed = cluster.metadata(TOPIC).partition(TOPIC, 0).orElseThrow().leader();
                    cluster.killBroker(killed);
                }
                sent.add("record-" + i);
                results.add(producer.send(ProducerRecord.of(TOPIC, 0, null, KafkaExProducerIT.bytes(sent.get(i)))));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        }

        assertThat(killed).isNotNegative();
        assertThat(JavaConsumerReads.read(cluster, TOPIC, 0, RECORDS + 1)).extracting(record -> KafkaExProducerIT.text(record.value()))
                .as("every record once, in send order").containsExactlyElementsOf(sent);
        List<Long> offsets = new ArrayList<>();
        for (CompletableFuture<RecordMetadata> result : results) {
            offsets.add(result.join().baseOffset());
        }
        assertThat(offsets).as("acknowledged offsets").isSorted().doesNotHaveDuplicates();
    }
}
