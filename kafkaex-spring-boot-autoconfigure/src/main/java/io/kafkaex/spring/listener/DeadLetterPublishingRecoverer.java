package io.kafkaex.spring.listener;

import io.kafkaex.CompletionCauses;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.TopicInfo;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.spring.support.ByteBuffers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Recovers failed records by publishing them to a dead-letter topic: {@code <topic><suffix>} ({@code orders.DLT} by
 * default), to the partition of the same number when the dead-letter topic has it, else to the one the producer's
 * partitioner picks. Each dead-letter record has the original key and value bytes, the original headers and the
 * {@link DeadLetterHeaders}; its timestamp is the time of dead-lettering (the original one is in a header), so the
 * dead-letter topic's retention counts from the failure. {@link #recover} returns once the broker acknowledged every
 * record, and throws a {@link DeadLetterPublishException} when that did not happen within {@code sendTimeout}.
 *
 * <p>Delivery is at least once: when a batch was published in part, or acknowledged after the timeout, a later
 * recovery publishes its records again.
 *
 * <p>It owns the producer it creates on its first recovery (so an application whose listeners never fail never starts
 * one) and closes it in {@link #close()}; the metadata client (which looks up the
 * dead-letter topic's partition count) stays open. Thread-safe: partitions' worker threads call {@link #recover} in
 * parallel.
 */
public class DeadLetterPublishingRecoverer implements RecordRecoverer, AutoCloseable {

    /** The suffix that names a topic's dead-letter topic. */
    public static final String DEFAULT_TOPIC_SUFFIX = ".DLT";

    /** How long {@link #recover} waits for the dead-letter topic's metadata and the broker's acknowledgements. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);

    private final LazyProducer producer;
    private final KafkaExClient metadataClient;
    private final String topicSuffix;
    private final Duration sendTimeout;

    /**
     * @param producer creates the producer that publishes the dead-letter records, on the first recovery; closed with
     *     this recoverer. Its {@code max-block} should not exceed {@code sendTimeout}, as {@code send} may block that
     *     long for an unknown topic
     * @param metadataClient looks up dead-letter topics' partition counts
     * @param topicSuffix appended to a record's topic to name its dead-letter topic
     * @param sendTimeout the longest {@link #recover} waits for metadata and acknowledgements
     */
    public DeadLetterPublishingRecoverer(Supplier<KafkaExProducer> producer, KafkaExClient metadataClient, String topicSuffix,
            Duration sendTimeout) {
        this.metadataClient = Objects.requireNonNull(metadataClient, "metadataClient");
        if (topicSuffix == null || topicSuffix.isEmpty()) {
            throw new IllegalArgumentException("The dead-letter topic suffix must not be empty: the records would go back"
                    + " to the topic they failed on");
        }
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("The dead-letter send timeout must be positive, was " + sendTimeout);
        }
        this.topicSuffix = topicSuffix;
        this.producer = new LazyProducer(Objects.requireNonNull(producer, "producer"), sendTimeout);
        this.sendTimeout = sendTimeout;
    }

    /** The dead-letter topic of {@code topic}. */
    public String deadLetterTopic(String topic) {
        return topic + topicSuffix;
    }

    @Override
    public void recover(FailedDelivery delivery) throws InterruptedException {
        if (delivery.records().isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        String topic = deadLetterTopic(delivery.partition().topic());
        Integer partition = samePartitionIfPresent(topic, delivery, deadline);
        List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(delivery.records().size());
        for (Record record : delivery.records()) {
            sends.add(producer.get().send(new ProducerRecord(topic, partition, ByteBuffers.toArray(record.key()),
                    ByteBuffers.toArray(record.value()), DeadLetterHeaders.of(record, delivery), ProducerRecord.NOW)));
        }
        awaitAcknowledgements(sends, topic, delivery, deadline);
    }

    /** {@code delivery}'s partition number when {@code topic} has it; {@code null} (the partitioner picks) otherwise. */
    private Integer samePartitionIfPresent(String topic, FailedDelivery delivery, long deadline)
            throws InterruptedException {
        Optional<TopicInfo> known = usable(metadataClient.clusterMetadata(), topic);
        if (known.isEmpty()) {
            known = usable(fetchMetadata(topic, delivery, deadline), topic);
        }
        int sourcePartition = delivery.partition().partition();
        return known.filter(info -> sourcePartition < info.partitions().size()).map(info -> sourcePartition).orElse(null);
    }

    private ClusterMetadata fetchMetadata(String topic, FailedDelivery delivery, long deadline)
            throws InterruptedException {
        ClusterMetadata fetched;
        try {
            fetched = metadataClient.metadata(List.of(topic)).get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new DeadLetterPublishException("No metadata for dead-letter topic " + topic + " within send-timeout ("
                    + sendTimeout.toMillis() + " ms), so the records of " + FailedDeliveryDescription.of(delivery)
                    + " were not published: check that the cluster is reachable, or raise"
                    + " kafkaex.listener.error-handler.dead-letter.send-timeout", e);
        } catch (ExecutionException e) {
            Throwable cause = CompletionCauses.unwrap(e.getCause());
            throw new DeadLetterPublishException("Could not look up dead-letter topic " + topic + " for the records of "
                    + FailedDeliveryDescription.of(delivery) + ": " + cause.getMessage(), cause);
        }
        KafkaError error = fetched.topicError(topic).orElse(KafkaError.NONE);
        if (error.isError() && !error.isRetriable()) {
            throw new DeadLetterPublishException("Cannot publish the records of " + FailedDeliveryDescription.of(delivery)
                    + " to dead-letter topic " + topic + ": the broker says " + error + " (" + error.message()
                    + "); create the topic, grant write access, or change"
                    + " kafkaex.listener.error-handler.dead-letter.topic-suffix");
        }
        return fetched;
    }

    private static Optional<TopicInfo> usable(ClusterMetadata metadata, String topic) {
        if (metadata == null) {
            return Optional.empty();
        }
        return metadata.topic(topic).filter(info -> info.error() == KafkaError.NONE && !info.partitions().isEmpty());
    }

    private void awaitAcknowledgements(List<CompletableFuture<RecordMetadata>> sends, String topic,
            FailedDelivery delivery, long deadline) throws InterruptedException {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new DeadLetterPublishException("Dead-letter topic " + topic + " did not acknowledge the records of "
                    + FailedDeliveryDescription.of(delivery) + " within send-timeout (" + sendTimeout.toMillis()
                    + " ms): check that the topic exists and is writable, or raise"
                    + " kafkaex.listener.error-handler.dead-letter.send-timeout", e);
        } catch (ExecutionException e) {
            Throwable cause = CompletionCauses.unwrap(e.getCause());
            throw new DeadLetterPublishException("Could not publish the records of " + FailedDeliveryDescription.of(delivery)
                    + " to dead-letter topic " + topic + ": " + cause.getMessage(), cause);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Closes the producer: sends what is buffered, waiting at most the send timeout. */
    @Override
    public void close() {
        producer.close();
    }
}
