package io.kafkaex.spring.core;

import io.kafkaex.producer.KafkaExProducer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The transactional producers of a {@link KafkaExTemplate}: one per transaction running at the same time, so
 * concurrent transactions never share a producer. Producers are made on demand with the transactional ids
 * {@code <prefix>0}, {@code <prefix>1}, …, each initialised ({@link KafkaExProducer#initTransactions()}) once, and kept
 * for the next transaction. Thread-safe.
 */
public final class TransactionalProducerPool implements AutoCloseable {

    private final String transactionIdPrefix;
    private final Function<String, KafkaExProducer> producerFactory;
    private final Deque<KafkaExProducer> idle = new ArrayDeque<>();
    private final List<KafkaExProducer> all = new ArrayList<>();
    private int nextId;
    private boolean closed;

    /**
     * @param transactionIdPrefix the start of every transactional id
     * @param producerFactory makes a producer with the transactional id it is given (not yet initialised)
     */
    public TransactionalProducerPool(String transactionIdPrefix, Function<String, KafkaExProducer> producerFactory) {
        if (transactionIdPrefix == null || transactionIdPrefix.isBlank()) {
            throw new IllegalArgumentException("A transactional producer pool needs a transaction id prefix");
        }
        this.transactionIdPrefix = transactionIdPrefix;
        this.producerFactory = producerFactory;
    }

    public String transactionIdPrefix() {
        return transactionIdPrefix;
    }

    /** An idle producer, or a new initialised one; give it back with {@link #release} or {@link #discard}. */
    KafkaExProducer acquire() {
        String newId;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The transactional producers of the template are closed");
            }
            KafkaExProducer producer = idle.pollFirst();
            if (producer != null) {
                return producer;
            }
            newId = transactionIdPrefix + nextId++;
        }
        KafkaExProducer producer = producerFactory.apply(newId);
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
        synchronized (this) {
            all.add(producer);
        }
        return producer;
    }

    /** Returns a producer whose transaction ended, for the next one. */
    synchronized void release(KafkaExProducer producer) {
        if (closed) {
            producer.close();
        } else {
            idle.addFirst(producer);
        }
    }

    /** Closes a producer that cannot be used again (fenced, or its transaction could not be ended). */
    void discard(KafkaExProducer producer) {
        synchronized (this) {
            all.remove(producer);
        }
        producer.close();
    }

    /** How many producers the pool has made and still holds, idle or in a transaction. */
    public synchronized int size() {
        return all.size();
    }

    /** Closes every producer; a transaction still open on one is aborted. */
    @Override
    public void close() {
        List<KafkaExProducer> toClose;
        synchronized (this) {
            closed = true;
            toClose = List.copyOf(all);
            all.clear();
            idle.clear();
        }
        toClose.forEach(KafkaExProducer::close);
    }
}
