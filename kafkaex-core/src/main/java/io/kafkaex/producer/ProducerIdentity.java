package io.kafkaex.producer;

import io.kafkaex.CompletionCauses;
import io.kafkaex.client.ClientRuntime;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
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
 * lost the producer's state ({@code OUT_OF_ORDER_SEQUENCE_NUMBER}, {@code UNKNOWN_PRODUCER_ID}), or a batch fails
 * for good so that its sequence numbers never reach the broker, the producer bumps its epoch itself (KIP-360: a
 * broker takes a higher epoch of a producer id when its sequences start at 0) and every partition's sequences
 * start again at 0; only at the highest epoch does it ask for a new id. A transactional producer's identity is
 * set by its {@link TransactionManager} instead.
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
                        ApiKey.INIT_PRODUCER_ID, version -> TransactionRequests.initProducerId(null, requestTimeout, IdAndEpoch.NONE,
                                version),
                        (reader, version) -> TransactionRequests.producerId(InitProducerIdResponse.read(reader, version)),
                        requestTimeout)))
                .whenComplete((handedOut, failure) -> {
                    try {
                        if (failure != null) {
                            backOff("InitProducerId failed: " + CompletionCauses.unwrap(failure).getMessage());
                        } else {
                            adopt(handedOut);
                        }
                    } finally {
                        requesting.set(false);
                        answered.run();
                    }
                });
    }

    /** Takes the identity a broker handed out (or a bumped epoch); every partition's sequences start at 0 under it. */
    synchronized void adopt(IdAndEpoch identity) {
        nextSequence.clear();
        lastAcknowledged.clear();
        current = identity;
    }

    /** Records that the broker acknowledged {@code batch}: its successor is the next it expects. */
    synchronized void acknowledged(ProducerBatch batch) {
        if (batch.identity().equals(current) && batch.baseSequence() >= 0) {
            lastAcknowledged.put(batch.partition, batch.baseSequence() + batch.recordCount() - 1);
        }
    }

    /**
     * Whether {@code batch} is the one the broker should take next for its partition under the current identity.
     * An out-of-order answer for it means the broker lost the producer's state; for a later batch it only means
     * an earlier one is being sent again.
     */
    synchronized boolean isNextExpected(ProducerBatch batch) {
        if (!batch.identity().equals(current)) {
            return false;
        }
        int last = lastAcknowledged.getOrDefault(batch.partition, -1);
        return batch.baseSequence() == (last == Integer.MAX_VALUE ? 0 : last + 1);
    }

    /** Stamps a batch drained for the first time, or one to be sent again under a new identity. */
    synchronized void stamp(ProducerBatch batch) {
        IdAndEpoch identity = current;
        int sequence = nextSequence.getOrDefault(batch.partition, 0);
        batch.stampProducer(identity.id(), identity.epoch(), sequence);
        long next = (long) sequence + batch.recordCount();
        nextSequence.put(batch.partition, (int) (next > Integer.MAX_VALUE ? next - Integer.MAX_VALUE - 1 : next));
    }

    /**
     * The broker lost this producer's state, or will never see some of its sequence numbers: the next batches go out
     * under the next epoch of the same id from sequence 0, or under a new id once the epoch can grow no more.
     */
    synchronized void reset(IdAndEpoch lost) {
        if (current.equals(lost)) {
            adopt(lost.epoch() < Short.MAX_VALUE ? new IdAndEpoch(lost.id(), (short) (lost.epoch() + 1)) : IdAndEpoch.NONE);
        }
    }

    private void backOff(String reason) {
        log.warn("{}; asking again in {} ms", reason, TimeUnit.NANOSECONDS.toMillis(RETRY_NANOS));
        notBeforeNanos = System.nanoTime() + RETRY_NANOS;
    }
}
