package io.kafkaex.spring.core;

import io.kafkaex.protocol.record.Header;

import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;

/**
 * Sending records from a Spring application: what {@link KafkaExTemplate} offers, as an interface for callers and
 * test doubles. Every send returns at once; its future completes with a {@link SendResult}, or fails with the reason
 * (a {@link io.kafkaex.spring.serialization.SerializationException}, or the core producer's failure such as an unknown
 * topic or a record too large). Misuse throws at once instead, as in spring-kafka: a {@code null} topic, or a plain send
 * on a transactional template outside {@code executeInTransaction} ({@link IllegalStateException}). Implementations
 * are thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KafkaExOperations<K, V> {

    CompletableFuture<SendResult<K, V>> send(String topic, V value);

    CompletableFuture<SendResult<K, V>> send(String topic, K key, V value);

    CompletableFuture<SendResult<K, V>> send(String topic, Integer partition, K key, V value);

    /** @param timestamp epoch milliseconds, or {@code null} for when it is sent */
    CompletableFuture<SendResult<K, V>> send(String topic, Integer partition, Long timestamp, K key, V value);

    /** @param timestamp epoch milliseconds, or {@code null} for when it is sent */
    CompletableFuture<SendResult<K, V>> send(String topic, Integer partition, Long timestamp, K key, V value,
            Iterable<Header> headers);

    CompletableFuture<SendResult<K, V>> send(OutgoingRecord<K, V> record);

    /**
     * Sends the payload of a spring-messaging message; the {@link io.kafkaex.spring.support.KafkaExHeaders} name the
     * topic, partition, key and timestamp, and the other message headers become record headers.
     */
    CompletableFuture<SendResult<K, V>> send(Message<?> message);

    /** Sends to {@code kafkaex.template.default-topic}. */
    CompletableFuture<SendResult<K, V>> sendDefault(V value);

    CompletableFuture<SendResult<K, V>> sendDefault(K key, V value);

    CompletableFuture<SendResult<K, V>> sendDefault(Integer partition, K key, V value);

    CompletableFuture<SendResult<K, V>> sendDefault(Integer partition, Long timestamp, K key, V value);

    /** Sends everything buffered now and waits until those records completed. */
    void flush();

    /** Whether sends happen in transactions, which {@link #executeInTransaction} opens. */
    boolean isTransactional();

    /**
     * Runs {@code callback} in a transaction: the sends it makes through the operations it is given (or through this
     * template on the same thread) commit together when it returns, and are aborted when it throws, which is then
     * rethrown.
     *
     * @return what the callback returned
     * @throws IllegalStateException when the template is not transactional, or when called inside a transaction
     */
    <T> T executeInTransaction(OperationsCallback<K, V, T> callback);

    /**
     * Work done with the operations of one transaction.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @param <T> what the work returns
     */
    @FunctionalInterface
    interface OperationsCallback<K, V, T> {

        T doInOperations(KafkaExOperations<K, V> operations);
    }
}
