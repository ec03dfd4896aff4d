package io.kafkaex.producer;

import static io.kafkaex.producer.KafkaExProducerIT.bytes;
import static io.kafkaex.producer.KafkaExProducerIT.client;
import static io.kafkaex.producer.KafkaExProducerIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kafkaex.JavaConsumerReads;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.error.KafkaProducerFencedException;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Transactions against a real broker: what a read_committed kafka-clients consumer sees of committed and aborted
 * transactions, offsets committed with a transaction, fencing by a newer producer with the same transactional id,
 * and the calls' preconditions.
 */
@KafkaExBroker
class TransactionsIT {

    @Test
    void readCommittedConsumersSeeCommittedTransactionsOnlyWhileAbortedRecordsAreInTheLog(KafkaTestCluster cluster)
            throws Exception {
        String topic = "txn-it-visibility";
        cluster.createTopic(topic, 2, 1);
        try (KafkaExProducer producer = transactional(cluster, "txn-it-visibility")) {
            producer.initTransactions();

            producer.beginTransaction();
            List<CompletableFuture<RecordMetadata>> committed = sendAll(producer, topic, "committed-", 20);
            producer.commitTransaction();

            producer.beginTransaction();
            List<CompletableFuture<RecordMetadata>> aborted = sendAll(producer, topic, "aborted-", 20);
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            List<CompletableFuture<RecordMetadata>> later = sendAll(producer, topic, "later-", 20);
            producer.commitTransaction();

            for (CompletableFuture<RecordMetadata> sent : concat(committed, aborted, later)) {
                assertThat(sent).succeedsWithin(Duration.ofSeconds(1)); // flushed before abort: written, then aborted
            }
        }

        for (int partition = 0; partition < 2; partition++) {
            int p = partition;
            List<String> expected = new ArrayList<>();
            expected.addAll(expectedOn(p, "committed-", 20));
            expected.addAll(expectedOn(p, "later-", 20));
            assertThat(values(JavaConsumerReads.read(cluster, topic, p, expected.size(), true)))
                    .as("read_committed, partition %s", p).containsExactlyElementsOf(expected);
            assertThat(values(JavaConsumerReads.read(cluster, topic, p, 30, false)))
                    .as("read_uncommitted sees the aborted records too, partition %s", p)
                    .containsAll(expectedOn(p, "aborted-", 20));
        }
    }

    @Test
    void recordsQueuedWhenTheTransactionAbortsFailAndAreNeverWritten(KafkaTestCluster cluster) throws Exception {
        String topic = "txn-it-abort-queued";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, "txn-it-abort-queued")
                .build()).transactionalId("txn-it-abort-queued").linger(Duration.ofMinutes(1)).batchSize(1 << 20).build())) {
            producer.initTransactions();
            producer.beginTransaction();
            CompletableFuture<RecordMetadata> queued = producer.send(ProducerRecord.of(topic, null, bytes("never")));
            producer.abortTransaction();

            assertThat(catchThrowable(() -> queued.get(5, TimeUnit.SECONDS))).hasCauseInstanceOf(TransactionAbortedException.class);
            producer.beginTransaction();
            producer.send(ProducerRecord.of(topic, null, bytes("after-abort")));
            producer.commitTransaction();
        }
        assertThat(values(JavaConsumerReads.read(cluster, topic, 0, 1, false))).containsExactly("after-abort");
    }

    @Test
    void aRecordTheBrokerRefusesMakesTheTransactionAbortOnlyAndTheNextOneWorks(KafkaTestCluster cluster) throws Exception {
        String topic = "txn-it-refused";
        cluster.createTopic(topic, 1, 1, Map.of("max.message.bytes", "2000"));
        try (KafkaExProducer producer = transactional(cluster, "txn-it-refused")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(ProducerRecord.of(topic, null, bytes("fits")));
            CompletableFuture<RecordMetadata> refused = producer.send(ProducerRecord.of(topic, null, new byte[5000]));

            Throwable commit = catchThrowable(producer::commitTransaction);
            assertThat(commit).isInstanceOf(TransactionAbortedException.class).hasMessageContaining("abortTransaction()")
                    .hasMessageContaining("MESSAGE_TOO_LARGE");
            assertThat(catchThrowable(() -> refused.get(5, TimeUnit.SECONDS))).hasRootCauseInstanceOf(KafkaErrorException.class);
            assertThat(catchThrowable(() -> producer.send(ProducerRecord.of(topic, null, bytes("meanwhile"))).get()))
                    .hasCauseInstanceOf(TransactionAbortedException.class);
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(ProducerRecord.of(topic, null, bytes("next")));
            producer.commitTransaction();
        }
        assertThat(values(JavaConsumerReads.read(cluster, topic, 0, 1, true))).containsExactly("next");
    }

    @Test
    void offsetsSentWithACommittedTransactionAreCommittedAndThoseOfAnAbortedOneAreNot(KafkaTestCluster cluster)
            throws Exception {
        String topic = "txn-it-offsets";
        String group = "txn-it-offsets-group";
        cluster.createTopic(topic, 1, 1);
        TopicPartition consumed = new TopicPartition(topic, 0);
        try (KafkaExProducer producer = transactional(cluster, "txn-it-offsets");
                KafkaExClient reader = KafkaExClient.create(client(cluster, "txn-it-offsets-reader").build())) {
            producer.initTransactions();

            producer.beginTransaction();
            producer.send(ProducerRecord.of(topic, null, bytes("out-1")));
            producer.sendOffsetsToTransaction(Map.of(consumed, 5L), group);
            producer.commitTransaction();
            assertThat(committedOffset(reader, group, topic, 5)).isEqualTo(5);

            producer.beginTransaction();
            producer.sendOffsetsToTransaction(Map.of(consumed, 9L), group);
            producer.abortTransaction();

            producer.beginTransaction(); // begins only once the abort's markers are written (CONCURRENT_TRANSACTIONS until then)
            producer.send(ProducerRecord.of(topic, null, bytes("out-2")));
            producer.commitTransaction();
            assertThat(reader.fetchCommittedOffsetSync(group, topic, List.of(0)).get(0).offset()).isEqualTo(5);
        }
    }

    @Test
    void aNewerProducerWithTheSameIdFencesTheOlderOneAndAbortsItsTransaction(KafkaTestCluster cluster) throws Exception {
        String topic = "txn-it-fencing";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExProducer older = transactional(cluster, "txn-it-fencing");
                KafkaExProducer newer = transactional(cluster, "txn-it-fencing")) {
            older.initTransactions();
            older.beginTransaction();
            older.send(ProducerRecord.of(topic, null, bytes("older-open"))).get(10, TimeUnit.SECONDS);

            newer.initTransactions(); // bumps the epoch and aborts the older producer's open transaction
            newer.beginTransaction();
            newer.send(ProducerRecord.of(topic, null, bytes("newer")));
            newer.commitTransaction();

            Throwable commit = catchThrowable(older::commitTransaction);
            assertThat(commit).isInstanceOf(KafkaProducerFencedException.class);
            assertThat(((KafkaErrorException) commit).error()).isEqualTo(KafkaError.PRODUCER_FENCED);
            assertThatThrownBy(older::abortTransaction).isSameAs(commit);
            assertThat(catchThrowable(() -> older.send(ProducerRecord.of(topic, null, bytes("older-late"))).get(5, TimeUnit.SECONDS)))
                    .hasCauseReference(commit);
        }
        assertThat(values(JavaConsumerReads.read(cluster, topic, 0, 1, true))).containsExactly("newer");
    }

    @Test
    void closingAProducerAbortsItsOpenTransactionSoReadCommittedConsumersGoOn(KafkaTestCluster cluster) throws Exception {
        String topic = "txn-it-close";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExProducer producer = transactional(cluster, "txn-it-close")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(ProducerRecord.of(topic, null, bytes("left-open"))).get(10, TimeUnit.SECONDS);
        }
        try (KafkaExProducer plain = KafkaExProducer.create(ProducerOptions.builder(client(cluster, "txn-it-close-plain")
                .build()).build())) {
            plain.send(ProducerRecord.of(topic, null, bytes("after"))).get(10, TimeUnit.SECONDS);
        }
        // an open transaction would hold read_committed consumers at its first offset for the whole transaction timeout
        assertThat(values(JavaConsumerReads.read(cluster, topic, 0, 1, true))).containsExactly("after");
    }

    @Test
    void transactionalCallsCheckTheirOrder(KafkaTestCluster cluster) throws Exception {
        String topic = "txn-it-order";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExProducer producer = transactional(cluster, "txn-it-order");
                KafkaExProducer plain = KafkaExProducer.create(ProducerOptions.builder(client(cluster, "txn-it-plain").build())
                        .build())) {
            assertThatThrownBy(plain::initTransactions).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transactionalId");
            assertThatThrownBy(producer::beginTransaction).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("initTransactions()");
            producer.initTransactions();
            assertThat(catchThrowable(() -> producer.send(ProducerRecord.of(topic, null, bytes("outside"))).get()))
                    .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("beginTransaction()");
            assertThatThrownBy(producer::commitTransaction).isInstanceOf(IllegalStateException.class);
            producer.beginTransaction();
            assertThatThrownBy(producer::beginTransaction).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("commit or abort");
            producer.commitTransaction(); // an empty transaction commits without asking the coordinator
            assertThatThrownBy(producer::initTransactions).isInstanceOf(IllegalStateException.class);
        }
    }

    private static KafkaExProducer transactional(KafkaTestCluster cluster, String transactionalId) {
        return KafkaExProducer.create(ProducerOptions.builder(client(cluster, transactionalId).build())
                .transactionalId(transactionalId).build());
    }

    /** Sends {@code count} records "prefix-i", record i to partition i % 2. */
    private static List<CompletableFuture<RecordMetadata>> sendAll(KafkaExProducer producer, String topic, String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> producer.send(ProducerRecord.of(topic, i % 2, null, bytes(prefix + i))))
                .toList();
    }

    private static List<String> expectedOn(int partition, String prefix, int count) {
        return IntStream.range(0, count).filter(i -> i % 2 == partition).mapToObj(i -> prefix + i).toList();
    }

    @SafeVarargs
    private static List<CompletableFuture<RecordMetadata>> concat(List<CompletableFuture<RecordMetadata>>... lists) {
        List<CompletableFuture<RecordMetadata>> all = new ArrayList<>();
        for (List<CompletableFuture<RecordMetadata>> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(record -> text(record.value())).toList();
    }

    /** The group's committed offset once it reached {@code expected} (markers are written after EndTxn answers). */
    private static long committedOffset(KafkaExClient client, String group, String topic, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long offset;
        do {
            offset = client.fetchCommittedOffsetSync(group, topic, List.of(0)).get(0).offset();
            if (offset != expected) {
                Thread.sleep(50);
            }
        } while (offset != expected && System.nanoTime() < deadline);
        return offset;
    }
}
