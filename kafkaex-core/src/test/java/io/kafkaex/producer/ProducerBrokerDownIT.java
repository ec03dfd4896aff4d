package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.RecordMetadata;
import io.kafkaex.test.KafkaTestCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The producer while its only broker is stopped, on a broker of its own: records pile up in the buffer, a send
 * that finds no room fails after {@code max-block} and holds its caller no longer, and what was accepted is
 * delivered once the broker is back.
 */
class ProducerBrokerDownIT {

    private static final Duration MAX_BLOCK = Duration.ofSeconds(1);

    private static KafkaTestCluster cluster;

    @BeforeAll
    static void startBroker() {
        cluster = KafkaTestCluster.builder().start();
    }

    @AfterAll
    static void stopBroker() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aFullBufferFailsSendAfterMaxBlockAndTheAcceptedRecordsArriveAfterTheBrokerReturns() throws Exception {
        String topic = "producer-down-it";
        cluster.createTopic(topic, 1, 1);
        int broker = cluster.brokerIds().get(0);
        ProducerOptions options = ProducerOptions.builder(KafkaExProducerIT.client(cluster, topic).build())
                .bufferMemory(64 * 1024).batchSize(16 * 1024).maxBlock(MAX_BLOCK).deliveryTimeout(Duration.ofMinutes(2))
                .build();
        try (KafkaExProducer producer = KafkaExProducer.create(options)) {
            producer.send(ProducerRecord.of(topic, 0, null, KafkaExProducerIT.bytes("before"))).get(30, TimeUnit.SECONDS);
            cluster.killBroker(broker);

            List<CompletableFuture<RecordMetadata>> accepted = new ArrayList<>();
            Throwable refusal = null;
            long longestCallNanos = 0;
            for (int i = 0; i < 200 && refusal == null; i++) {
                long start = System.nanoTime();
                CompletableFuture<RecordMetadata> result = producer.send(ProducerRecord.of(topic, 0, null, new byte[1_000]));
                longestCallNanos = Math.max(longestCallNanos, System.nanoTime() - start);
                if (result.isCompletedExceptionally()) {
                    refusal = result.handle((ok, failure) -> failure).join();
                } else {
                    accepted.add(result);
                }
            }

            assertThat(refusal).as("a send refused for lack of buffer").isInstanceOf(ProducerTimeoutException.class)
                    .hasMessageContaining("No room in the producer's buffer (buffer-memory 65536 bytes")
                    .hasMessageContaining("ms left of max-block");
            assertThat(accepted).hasSizeBetween(40, 70).noneMatch(CompletableFuture::isDone);
            assertThat(Duration.ofNanos(longestCallNanos)).as("longest send call").isLessThan(MAX_BLOCK.plusSeconds(2));

            cluster.startBroker(broker);
            CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            int expected = 1 + accepted.size();
            assertThat(KafkaExProducerIT.consume(cluster, topic, 0, expected)).hasSize(expected);
        }
    }
}
