package io.kafkaex.consumer;

import static io.kafkaex.consumer.FetcherIT.awaitTrue;
import static io.kafkaex.consumer.FetcherIT.fetcher;
import static io.kafkaex.consumer.FetcherIT.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fetcher reading committed against a real broker, with transactions written by a transactional KafkaExProducer. */
@KafkaExBroker
class FetcherTransactionsIT {

    @Test
    void readCommittedSkipsAnAbortedTransactionAndMovesPastEveryMarker(KafkaTestCluster cluster) throws Exception {
        TopicPartition partition = FetcherIT.newTopic(cluster, "fetcher-it-transactions", 1);
        String topic = partition.topic();
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers()).clientId("fetcher-it-tx").build())
                .transactionalId("fetcher-it-tx").build())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(topic, "committed-1"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(record(topic, "aborted-1"));
            producer.send(record(topic, "aborted-2"));
            producer.flush(); // written, so the abort has something to abort
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(record(topic, "committed-2"));
            producer.commitTransaction();
        }
        try (KafkaExClient client = FetcherIT.client(cluster, "fetcher-it-tx-reader", new KafkaExTelemetryListener() { })) {
            long logEnd = client.latestOffsetSync(topic, 0);
            RecordingFetchSink sink = new RecordingFetchSink(true, () -> 0);
            try (Fetcher fetcher = fetcher(client, FetcherOptions.defaults().withReadCommitted(true), sink)) {
                fetcher.assign(partition, 0).join();
                awaitTrue(() -> fetcher.position(partition).orElseThrow() == logEnd, "the position passed the last commit marker");
                List<String> seen = new ArrayList<>();
                RecordingFetchSink.Arrival arrival;
                while ((arrival = sink.next(Duration.ofMillis(200))) != null) {
                    seen.addAll(values(arrival.chunk()));
                }
                assertThat(seen).containsExactly("committed-1", "committed-2");

                fetcher.seek(partition, logEnd - 1).join(); // the last commit marker alone
                FetchedChunk markerOnly = sink.next(Duration.ofSeconds(15)).chunk();
                assertThat(markerOnly.records()).isEmpty();
                assertThat(markerOnly.fetchedFrom()).isEqualTo(logEnd - 1);
                assertThat(markerOnly.nextOffset()).isEqualTo(logEnd);
                assertThat(sink.failures()).isEmpty();
            }
        }
    }

    private static ProducerRecord record(String topic, String value) {
        return ProducerRecord.of(topic, null, value.getBytes(StandardCharsets.UTF_8));
    }
}
