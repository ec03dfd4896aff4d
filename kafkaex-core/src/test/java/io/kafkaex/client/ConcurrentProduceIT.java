package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * One client shared by 50 threads that together issue 1,000 {@code produceOne} calls without waiting for any:
 * every call succeeds, each partition's offsets are unique and dense from 0, and fetching reads back exactly
 * the 1,000 values.
 */
@KafkaExBroker
class ConcurrentProduceIT {

    private static final String TOPIC = "concurrent-produce-it";
    private static final int THREADS = 50;
    private static final int CALLS_PER_THREAD = 20;
    private static final int PARTITIONS = 3;

    @Test
    void aThousandConcurrentProduceOneCallsFromFiftyThreadsAllComplete(KafkaTestCluster cluster) throws Exception {
        cluster.createTopic(TOPIC, PARTITIONS, 1);
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        try (KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers()).clientId("concurrent-produce-it").build())) {
            Map<String, CompletableFuture<RecordMetadata>> calls = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(callers.submit(() -> {
                    start.await();
                    for (int call = 0; call < CALLS_PER_THREAD; call++) {
                        int index = thread * CALLS_PER_THREAD + call;
                        String value = "value-" + index;
                        calls.put(value, client.produceOne(TOPIC, index % PARTITIONS, value.getBytes(StandardCharsets.UTF_8)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : threads) {
                thread.get(60, TimeUnit.SECONDS);
            }
            CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

            assertThat(calls).hasSize(THREADS * CALLS_PER_THREAD);
            Map<Integer, List<Long>> offsetsByPartition = calls.values().stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(RecordMetadata::partition,
                            Collectors.mapping(RecordMetadata::baseOffset, Collectors.toList())));
            for (int partition = 0; partition < PARTITIONS; partition++) {
                List<Long> offsets = offsetsByPartition.get(partition);
                assertThat(offsets).as("offsets of partition %d", partition)
                        .containsExactlyInAnyOrderElementsOf(LongStream.range(0, offsets.size()).boxed().toList());
            }

            List<String> readBack = IntStream.range(0, PARTITIONS)
                    .mapToObj(partition -> PartitionContents.valuesByOffset(client, TOPIC, partition).values())
                    .flatMap(Collection::stream).toList();
            assertThat(readBack).containsExactlyInAnyOrderElementsOf(calls.keySet());
        } finally {
            callers.shutdownNow();
        }
    }
}
