package io.kafkaex.spring.core;

import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.spring.serialization.RecordHeaders;
import io.kafkaex.spring.serialization.Serializer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.messaging.Message;

/**
 * Sends records with a {@link KafkaExProducer}: serializes key and value with the template's serializers (which may
 * add headers, e.g. the JSON type header), and returns a future of the {@link SendResult}. Failures never throw from
 * {@code send}: they fail the future, with a {@link io.kafkaex.spring.serialization.SerializationException} or the
 * core producer's own exception (unknown topic, record too large, timeout...), not wrapped.
 *
 * <p>Transactional templates (made with a {@link TransactionalProducerPool}, i.e. with
 * {@code kafkaex.producer.transaction-id-prefix} set) send only inside {@link #executeInTransaction}; a send outside
 * one throws {@link IllegalStateException}.
 *
 * <p>With an {@link ObservationRegistry} set, each send is a Micrometer observation ({@value
 * DefaultKafkaExTemplateObservationConvention#NAME}) whose context writes into the record's headers, so a tracing
 * handler propagates the trace; it stops when the broker acknowledged the record, with the error when it failed.
 *
 * <p>Thread-safe: share one template. Configure it (default topic, observation) before it is used.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class KafkaExTemplate<K, V> implements KafkaExOperations<K, V> {

    private final KafkaExProducer producer;
    private final TransactionalProducerPool transactionalProducers;
    private final Serializer<? super K> keySerializer;
    private final Serializer<? super V> valueSerializer;
    private final ThreadLocal<KafkaExProducer> transactionProducer = new ThreadLocal<>();
    private String defaultTopic;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    private KafkaExTemplateObservationConvention observationConvention;

    /** A template sending with {@code producer}, outside transactions. */
    public KafkaExTemplate(KafkaExProducer producer, Serializer<? super K> keySerializer, Serializer<? super V> valueSerializer) {
        this(Objects.requireNonNull(producer, "producer"), null, keySerializer, valueSerializer);
    }

    /** A transactional template: every transaction runs on a producer of {@code transactionalProducers}. */
    public KafkaExTemplate(TransactionalProducerPool transactionalProducers, Serializer<? super K> keySerializer,
            Serializer<? super V> valueSerializer) {
        this(null, Objects.requireNonNull(transactionalProducers, "transactionalProducers"), keySerializer, valueSerializer);
    }

    private KafkaExTemplate(KafkaExProducer producer, TransactionalProducerPool transactionalProducers,
            Serializer<? super K> keySerializer, Serializer<? super V> valueSerializer) {
        this.producer = producer;
        this.transactionalProducers = transactionalProducers;
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
    }

    /** The topic of {@code sendDefault} and of messages without a topic header; {@code null} for none. */
    public void setDefaultTopic(String defaultTopic) {
        this.defaultTopic = defaultTopic;
    }

    public String getDefaultTopic() {
        return defaultTopic;
    }

    /** Observes every send in this registry ({@link ObservationRegistry#NOOP}, the default, observes nothing). */
    public void setObservationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
    }

    /** Replaces the default naming and tags of the send observation; {@code null} restores them. */
    public void setObservationConvention(KafkaExTemplateObservationConvention observationConvention) {
        this.observationConvention = observationConvention;
    }

    @Override
    public CompletableFuture<SendResult<K, V>> send(String topic, V value) {
        return send(OutgoingRecord.of(topic, value));
    }

    @Override
    public CompletableFuture<SendResult<K, V>> send(String topic, K key, V value) {
        return send(OutgoingRecord.of(topic, key, value));
    }

    @Override
    public CompletableFuture<SendResult<K, V>> send(String topic, Integer partition, K key, V value) {
        return send(topic, partition, null, key, value);
    }

    @Override
    public CompletableFuture<SendResult<K, V>> send(String topic, Integer partition, Long timestamp, K key, V value) {
        return send(new OutgoingRecord<>(topic, partition, key, value, List.of(), timestamp));
    }

    @Override
    public CompletableFuture<SendResult<K, V>> send(String topic, Integer partition, Long timestamp, K key, V value,
            Iterable<Header> headers) {
        return send(new OutgoingRecord<K, V>(topic, partition, key, value, List.of(), timestamp).withHeaders(headers));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Header rule: every message header other than Spring's {@code id} and {@code timestamp} and the {@code kafkaex_}
     * headers becomes a record header; a {@code byte[]} value as is, any other value as its {@code toString()} in UTF-8.
     * Without a {@link io.kafkaex.spring.support.KafkaExHeaders#TOPIC} header the default topic is used; without
     * either the future fails with an {@link IllegalArgumentException}.
     */
    @Override
    public CompletableFuture<SendResult<K, V>> send(Message<?> message) {
        OutgoingRecord<K, V> record;
        try {
            record = MessageRecords.toRecord(message, defaultTopic);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(record);
    }

    @Override
    public CompletableFuture<SendResult<K, V>> sendDefault(V value) {
        return sendDefault(null, null, null, value);
    }

    @Override
    public CompletableFuture<SendResult<K, V>> sendDefault(K key, V value) {
        return sendDefault(null, null, key, value);
    }

    @Override
    public CompletableFuture<SendResult<K, V>> sendDefault(Integer partition, K key, V value) {
        return sendDefault(partition, null, key, value);
    }

    @Override
    public CompletableFuture<SendResult<K, V>> sendDefault(Integer partition, Long timestamp, K key, V value) {
        if (defaultTopic == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "sendDefault needs a default topic: set kafkaex.template.default-topic"));
        }
        return send(defaultTopic, partition, timestamp, key, value);
    }

    @Override
    public CompletableFuture<SendResult<K, V>> send(OutgoingRecord<K, V> record) {
        KafkaExProducer target = producerForSend();
        RecordHeaders headers = new RecordHeaders(record.headers());
        Observation observation = observe(record, headers);
        CompletableFuture<SendResult<K, V>> result = new CompletableFuture<>();
        try {
            byte[] key = keySerializer.serialize(record.topic(), headers, record.key());
            byte[] value = valueSerializer.serialize(record.topic(), headers, record.value());
            OutgoingRecord<K, V> sent = record.withHeaders(headers);
            ProducerRecord serialized = new ProducerRecord(record.topic(), record.partition(), key, value, sent.headers(),
                    record.timestamp() == null ? ProducerRecord.NOW : record.timestamp());
            target.send(serialized).whenComplete((metadata, failure) -> {
                if (failure == null) {
                    observation.stop();
                    result.complete(new SendResult<>(sent, metadata));
                } else {
                    fail(result, observation, unwrap(failure));
                }
            });
        } catch (RuntimeException e) {
            fail(result, observation, e);
        }
        return result;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sends outside {@link #executeInTransaction} on a transactional template: nothing is buffered, so it returns
     * at once.
     */
    @Override
    public void flush() {
        KafkaExProducer bound = transactionProducer.get();
        if (bound != null) {
            bound.flush();
        } else if (producer != null) {
            producer.flush();
        }
    }

    @Override
    public boolean isTransactional() {
        return transactionalProducers != null;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The callback gets this template: its sends on the calling thread join the transaction (sends from other
     * threads do not). A producer the transaction could not be ended on (e.g. fenced by another producer with the same
     * transactional id) is closed and replaced by a new one for the next transaction.
     */
    @Override
    public <T> T executeInTransaction(OperationsCallback<K, V, T> callback) {
        if (transactionalProducers == null) {
            throw new IllegalStateException("executeInTransaction needs a transactional template: set "
                    + "kafkaex.producer.transaction-id-prefix");
        }
        if (transactionProducer.get() != null) {
            throw new IllegalStateException("executeInTransaction cannot be nested: the calling thread is already in a "
                    + "transaction of this template; send through the operations of the outer one");
        }
        KafkaExProducer transactional = transactionalProducers.acquire();
        boolean reusable = true;
        transactionProducer.set(transactional);
        try {
            transactional.beginTransaction();
            T result = callback.doInOperations(this);
            transactional.commitTransaction();
            return result;
        } catch (RuntimeException | Error e) {
            reusable = abort(transactional, e);
            throw e;
        } finally {
            transactionProducer.remove();
            if (reusable) {
                transactionalProducers.release(transactional);
            } else {
                transactionalProducers.discard(transactional);
            }
        }
    }

    /** Aborts the open transaction after {@code failure}; false when that failed too and the producer is unusable. */
    private static boolean abort(KafkaExProducer transactional, Throwable failure) {
        try {
            transactional.abortTransaction();
            return true;
        } catch (RuntimeException abortFailure) {
            failure.addSuppressed(abortFailure);
            return false;
        }
    }

    private KafkaExProducer producerForSend() {
        KafkaExProducer bound = transactionProducer.get();
        if (bound != null) {
            return bound;
        }
        if (producer == null) {
            throw new IllegalStateException("This template is transactional (kafkaex.producer.transaction-id-prefix is "
                    + "set), so it sends only inside a transaction: call send within template.executeInTransaction(...)");
        }
        return producer;
    }

    /** The started send observation; without a registry the no-op one, for which nothing is allocated. */
    private Observation observe(OutgoingRecord<K, V> record, RecordHeaders headers) {
        if (observationRegistry.isNoop()) {
            return Observation.NOOP;
        }
        return Observation.createNotStarted(observationConvention, DefaultKafkaExTemplateObservationConvention.INSTANCE,
                () -> new KafkaExTemplateSenderContext(record, headers), observationRegistry).start();
    }

    private static void fail(CompletableFuture<?> result, Observation observation, Throwable failure) {
        observation.error(failure);
        observation.stop();
        result.completeExceptionally(failure);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
