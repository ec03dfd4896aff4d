package io.kafkaex.producer;

import io.kafkaex.CompletionCauses;
import io.kafkaex.client.ClientRuntime;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.InitProducerIdRequest;
import io.kafkaex.protocol.message.InitProducerIdResponse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotent producer's identity: the producer id and epoch a broker hands out (InitProducerId), and the
 * next sequence number of each partition, stamped on each batch when it is first drained. When a broker says it
 * lost the producer's state ({@code OUT_OF_ORDER_SEQUENCE_NUMBER}, {@code UNKNOWN_PRODUCER_ID}) the identity is
 * dropped and a new id asked for; every partition's sequences start again at 0 under it.
 *
 * <p>Thread-safe: stamped and reset by the sender (its thread and the event loop that hands it answers).
 */
final class ProducerIdentity {

    /** A producer id and epoch; {@link #NONE} before the broker gave one. */
    record IdAndEpoch(long id, short epoch) {
        static final IdAndEpoch NONE = new IdAndEpoch(-1, (short) -1);
    }

    private static final Logger log = LoggerFactory.getLogger(ProducerIdentity.class);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ClientRuntime runtime;
    private final Duration requestTimeout;
    private final Map<TopicPartition, Integer> nextSequence = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Integer> lastAcknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean requesting = new AtomicBoolean();
    private volatile IdAndEpoch current = IdAndEpoch.NONE;
    private volatile long notBeforeNanos;

    ProducerIdentity(ClientRuntime runtime, Duration requestTimeout) {
        this.runtime = runtime;
        this.requestTimeout = requestTimeout;
    }

    boolean isReady() {
        return current != IdAndEpoch.NONE;
    }

    IdAndEpoch current() {
        return current;
    }

    /** Asks a broker for a producer id unless one is on its way; runs {@code answered} when it comes or fails. */
    void requestIfNeeded(Runnable answered) {
        if (isReady() || System.nanoTime() - notBeforeNanos < 0 || !requesting.compareAndSet(false, true)) {
            return;
        }
        runtime.anyBroker().thenCompose(broker -> runtime.network().send(broker, TrafficClass.OTHER, new RequestSpec<>(
                        ApiKey.INIT_PRODUCER_ID, version -> new InitProducerIdRequest().setTransactionalId(null)
                                .setTransactionTimeoutMs((int) requestTimeout.toMillis()).setProducerId(-1).setProducerEpoch((short) -1),
                        InitProducerIdResponse::read, requestTimeout)))
                .whenComplete((response, failure) -> {
                    try {
                        if (failure != null) {
                            backOff("InitProducerId failed: " + CompletionCauses.unwrap(failure).getMessage());
                        } else if (response.errorCode() != KafkaError.NONE.code()) {
                            KafkaError error = KafkaError.forCode(response.errorCode());
                            backOff("InitProducerId failed: " + KafkaErrorExceptions.of(error, null).getMessage());
                        } else {
                            adopt(new IdAndEpoch(response.producerId(), response.producerEpoch()));
                        }
                    } finally {
                        requesting.set(false);
                        answered.run();
                    }
                });
    }

    /** Takes the identity a broker handed out; every partition's sequences start at 0 under it. */
    void adopt(IdAndEpoch identity) {
        nextSequence.clear();
        lastAcknowledged.clear();
        current = identity;
    }

    /** Records that the broker acknowledged {@code batch}: its successor is the next it expects. */
    void acknowledged(ProducerBatch batch) {
        if (batch.identity().equals(current) && batch.baseSequence() >= 0) {
            lastAcknowledged.put(batch.partition, batch.baseSequence() + batch.recordCount() - 1);
        }
    }

    /**
     * Whether {@code batch} is the one the broker should take next for its partition under the current identity.
     * An out-of-order answer for it means the broker lost the producer's state; for a later batch it only means
     * an earlier one is being sent again.
     */
    boolean isNextExpected(ProducerBatch batch) {
        if (!batch.identity().equals(current)) {
            return false;
        }
        int last = lastAcknowledged.getOrDefault(batch.partition, -1);
        return batch.baseSequence() == (last == Integer.MAX_VALUE ? 0 : last + 1);
    }

    /** Stamps a batch drained for the first time, or one to be sent again under a new identity. */
    void stamp(ProducerBatch batch) {
        IdAndEpoch identity = current;
        int sequence = nextSequence.getOrDefault(batch.partition, 0);
        batch.stampProducer(identity.id(), identity.epoch(), sequence);
        long next = (long) sequence + batch.recordCount();
        nextSequence.put(batch.partition, (int) (next > Integer.MAX_VALUE ? next - Integer.MAX_VALUE - 1 : next));
    }

    /** The broker lost this producer's state: the next batches go out under a new id, from sequence 0. */
    void reset(IdAndEpoch lost) {
        if (current.equals(lost)) {
            current = IdAndEpoch.NONE;
            nextSequence.clear();
            lastAcknowledged.clear();
        }
    }

    private void backOff(String reason) {
        log.warn("{}; asking again in {} ms", reason, TimeUnit.NANOSECONDS.toMillis(RETRY_NANOS));
        notBeforeNanos = System.nanoTime() + RETRY_NANOS;
    }
}
