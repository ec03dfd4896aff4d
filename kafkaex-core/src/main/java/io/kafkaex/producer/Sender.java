package io.kafkaex.producer;

import io.kafkaex.CompletionCauses;
import io.kafkaex.KafkaExException;
import io.kafkaex.client.Acks;
import io.kafkaex.client.ClientRuntime;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.Node;
import io.kafkaex.cluster.RefreshReason;
import io.kafkaex.network.RequestNotSentException;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.ProtocolMessage;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.ProduceResponse;
import io.kafkaex.retry.RetryPolicy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The producer's sending loop, on a thread of its own: finds the partitions whose batches are ready, groups
 * them by leader, drains them into one Produce request per broker while that broker has fewer than
 * {@code max-in-flight} requests outstanding, and handles the answers: records acknowledged, retriable errors
 * sent again after a backoff while {@code delivery-timeout} allows (only those after which the broker
 * certainly did not write: leadership errors, {@code NOT_ENOUGH_REPLICAS}, requests never sent), anything else
 * failing that partition's records with that partition's error. A partition's records keep their order: without
 * idempotence it has one batch in flight at a time (a second could overtake a retried first); with idempotence up
 * to five, whose sequence numbers make the broker refuse any that would overtake, and which go out again in
 * their order. A transactional producer sends a partition's batches only once the coordinator added the partition
 * to the transaction ({@link TransactionManager}), and fails the queued ones when the transaction aborts.
 *
 * <p>{@link #run()} runs on the sender thread; responses are handled on the network event loop; record futures
 * complete on the callback executor. {@link #wakeup()} and {@link #initiateClose(boolean)} may be called from
 * any thread.
 */
final class Sender implements Runnable {

    /** The longest the loop sleeps, so queued batches meet their delivery timeout on time. */
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final RecordAccumulator accumulator;
    private final ClientRuntime runtime;
    private final ProducerOptions options;
    private final RetryPolicy retryPolicy;
    /** The idempotent producer's id and sequences; {@code null} without idempotence. */
    private final ProducerIdentity identity;
    /** The transactional producer's transactions; {@code null} without a transactional id. */
    private final TransactionManager transactions;
    private final ProducerTelemetry telemetry;
    private final Map<InetSocketAddress, AtomicInteger> inFlightPerBroker = new ConcurrentHashMap<>();
    private final Map<Node, InetSocketAddress> addresses = new ConcurrentHashMap<>();
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private final Map<TopicPartition, Integer> partitionsInFlight = new ConcurrentHashMap<>();
    private final int maxInFlightPerPartition;
    private volatile Thread thread;
    private volatile boolean running = true;
    private volatile boolean forced;

    /**
     * @param identity     the idempotent producer's identity, {@code null} without idempotence
     * @param transactions the transactional producer's transactions, {@code null} without a transactional id
     */
    Sender(RecordAccumulator accumulator, ClientRuntime runtime, ProducerOptions options, ProducerIdentity identity,
            TransactionManager transactions) {
        this.accumulator = accumulator;
        this.runtime = runtime;
        this.options = options;
        this.retryPolicy = RetryPolicy.forProduce(options.idempotence());
        this.identity = identity;
        this.transactions = transactions;
        this.maxInFlightPerPartition = options.idempotence() ? Math.min(5, options.maxInFlight()) : 1;
        this.telemetry = new ProducerTelemetry(runtime.telemetry(), options.client().clientId(), options.acks().wireValue());
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            runOnce();
        }
        while (!forced && (accumulator.hasQueued() || requestsInFlight.get() > 0)) {
            runOnce();
        }
        for (ProducerBatch batch : accumulator.removeAllQueued()) {
            fail(batch, new KafkaExException("The producer was closed before " + batch.partition + " could be sent"));
        }
    }

    /** Makes the loop look at the batches now. */
    void wakeup() {
        Thread sender = thread;
        if (sender != null) {
            LockSupport.unpark(sender);
        }
    }

    /** Stops the loop: after sending everything queued, or at once when {@code force}. */
    void initiateClose(boolean force) {
        forced |= force;
        running = false;
        wakeup();
    }

    private void runOnce() {
        long now = System.nanoTime();
        for (ProducerBatch expired : accumulator.removeExpired(now)) {
            fail(expired, new ProducerTimeoutException(expired.recordCount() + " records for " + expired.partition
                    + " were not sent within delivery-timeout (" + options.deliveryTimeout().toMillis() + " ms): the partition"
                    + " has no reachable leader, or the brokers answer too slowly"));
        }
        if (transactions != null) {
            RuntimeException queuedFailure = transactions.queuedBatchFailure();
            if (queuedFailure != null) {
                accumulator.removeAllQueued().forEach(batch -> fail(batch, queuedFailure));
            }
            transactions.maybeAddPartitions(this::wakeup);
        }
        if (identity != null && !identity.isReady()) {
            if (transactions == null) {
                identity.requestIfNeeded(this::wakeup); // a transactional producer gets its identity in initTransactions()
            }
            LockSupport.parkNanos(this, MAX_SLEEP_NANOS);
            return;
        }
        ClusterMetadata cluster = runtime.metadata().current();
        RecordAccumulator.Readiness readiness = accumulator.ready(now);
        Map<Node, List<TopicPartition>> byLeader = new LinkedHashMap<>();
        boolean leaderUnknown = false;
        for (TopicPartition partition : readiness.partitions()) {
            if (partitionsInFlight.getOrDefault(partition, 0) >= maxInFlightPerPartition
                    || (transactions != null && !transactions.isAdded(partition))) {
                continue;
            }
            Optional<Node> leader = cluster == null ? Optional.empty() : cluster.leaderFor(partition.topic(), partition.partition());
            if (leader.isEmpty()) {
                leaderUnknown = true;
                continue;
            }
            if (inFlight(address(leader.get())).get() < options.maxInFlight()) {
                byLeader.computeIfAbsent(leader.get(), ignored -> new ArrayList<>()).add(partition);
            }
        }
        if (leaderUnknown) {
            runtime.metadata().requestUpdate(RefreshReason.UNKNOWN_TOPIC);
        }
        boolean sent = false;
        for (Map.Entry<Node, List<TopicPartition>> entry : byLeader.entrySet()) {
            List<ProducerBatch> batches = accumulator.drain(entry.getValue(), options.maxRequestSize(), this::stamp);
            if (!batches.isEmpty()) {
                send(entry.getKey(), batches, cluster);
                sent = true;
            }
        }
        if (!sent && running) {
            LockSupport.parkNanos(this, Math.min(MAX_SLEEP_NANOS, leaderUnknown ? MAX_SLEEP_NANOS / 2 : readiness.sleepNanos()));
        } else if (!sent) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** The idempotent producer numbers each batch's records the first time it goes out, or anew under a new identity. */
    private void stamp(ProducerBatch batch) {
        if (identity != null && batch.needsStamp()) {
            identity.stamp(batch);
        }
    }

    private void send(Node leader, List<ProducerBatch> batches, ClusterMetadata cluster) {
        InetSocketAddress broker = address(leader);
        for (ProducerBatch batch : batches) {
            partitionsInFlight.merge(batch.partition, 1, Integer::sum);
            batch.attemptStarted(telemetry.started(batch));
        }
        inFlight(broker).incrementAndGet();
        telemetry.requestSent(leader, batches, accumulator.availableMemory(), requestsInFlight.incrementAndGet());
        Function<Short, ProtocolMessage> body = version -> ProduceRequests.request(version, batches, cluster, options.acks(),
                options.requestTimeout(), options.compression(), options.transactionalId());
        if (options.acks() == Acks.NONE) {
            runtime.network().send(broker, TrafficClass.PRODUCE, RequestSpec.<Void>withoutResponse(ApiKey.PRODUCE, body,
                            options.requestTimeout()))
                    .whenComplete((written, failure) -> onAnswer(broker, batches, cluster, null, failure));
            return;
        }
        RequestSpec<ProduceResponse> spec = new RequestSpec<>(ApiKey.PRODUCE, body, ProduceResponse::read, options.requestTimeout());
        runtime.network().send(broker, TrafficClass.PRODUCE, transactions == null ? spec
                        : spec.atMostVersion(TransactionRequests.MAX_PRODUCE_VERSION))
                .whenComplete((response, failure) -> onAnswer(broker, batches, cluster, response, failure));
    }

    /** On the network event loop: settles each batch of one request. */
    private void onAnswer(InetSocketAddress broker, List<ProducerBatch> batches, ClusterMetadata cluster,
            ProduceResponse response, Throwable failure) {
        try {
            if (failure != null) {
                onRequestFailure(broker, batches, CompletionCauses.unwrap(failure));
            } else if (response == null) {
                batches.forEach(batch -> succeed(batch, -1, -1, -1));
            } else {
                Map<String, ProduceResponse.PartitionProduceResponse> answers = ProduceRequests.answers(response, batches, cluster);
                for (ProducerBatch batch : batches) {
                    onPartitionAnswer(batch, answers.get(batch.partition.topic() + "-" + batch.partition.partition()));
                }
            }
        } finally {
            batches.forEach(batch -> partitionsInFlight.computeIfPresent(batch.partition, (p, n) -> n > 1 ? n - 1 : null));
            inFlight(broker).decrementAndGet();
            requestsInFlight.decrementAndGet();
            wakeup();
        }
    }

    private void onRequestFailure(InetSocketAddress broker, List<ProducerBatch> batches, Throwable cause) {
        runtime.metadata().requestUpdate(RefreshReason.DISCONNECT);
        for (ProducerBatch batch : batches) {
            if (cause instanceof RequestNotSentException || identity != null) {
                retry(batch, cause); // idempotent: the broker drops the batch if the lost request wrote it
            } else {
                fail(batch, new KafkaExException("The Produce request to " + broker + " for " + batch.partition
                        + " failed after it was sent (" + cause.getMessage() + "); the records may or may not have been"
                        + " written, so they are not sent again", cause));
            }
        }
    }

    private void onPartitionAnswer(ProducerBatch batch, ProduceResponse.PartitionProduceResponse answer) {
        if (answer == null) {
            fail(batch, new ProtocolException("The Produce response has no answer for " + batch.partition));
            return;
        }
        KafkaError error = KafkaError.forCode(answer.errorCode());
        if (error == KafkaError.NONE || (identity != null && error == KafkaError.DUPLICATE_SEQUENCE_NUMBER)) {
            succeed(batch, answer.baseOffset(), answer.logAppendTimeMs(), answer.logStartOffset());
            return;
        }
        if (identity != null && transactions == null && (error == KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER
                || error == KafkaError.UNKNOWN_PRODUCER_ID || error == KafkaError.INVALID_PRODUCER_EPOCH)) {
            if (identity.isNextExpected(batch)) {
                identity.reset(batch.identity()); // the broker lost this producer's state
            }
            if (!batch.identity().equals(identity.current())) {
                batch.loseIdentity();
            }
            retry(batch, KafkaErrorExceptions.of(error, batch.partition.topic(), batch.partition.partition(), answer.errorMessage()));
            return;
        }
        RuntimeException exception = KafkaErrorExceptions.of(error, batch.partition.topic(), batch.partition.partition(),
                answer.errorMessage());
        if (retryPolicy.isRetriable(error)) {
            runtime.metadata().requestUpdate(RefreshReason.NOT_LEADER_OR_FOLLOWER);
            retry(batch, exception);
        } else {
            fail(batch, exception);
        }
    }

    private void retry(ProducerBatch batch, Throwable cause) {
        long now = System.nanoTime();
        long retryAt = now + options.retryBackoff().delay(batch.attempts() + 1).toNanos();
        if (forced || retryAt - batch.deliveryDeadlineNanos >= 0) {
            fail(batch, new ProducerTimeoutException(batch.recordCount() + " records for " + batch.partition
                    + " were not acknowledged within delivery-timeout (" + options.deliveryTimeout().toMillis() + " ms) after "
                    + (batch.attempts() + 1) + " attempts; last error: " + cause.getMessage(), cause));
            return;
        }
        telemetry.ended(batch.takeAttemptSpan(), -1, cause);
        batch.retryAt(retryAt);
        accumulator.reenqueue(batch);
    }

    private void succeed(ProducerBatch batch, long baseOffset, long logAppendTime, long logStartOffset) {
        if (identity != null) {
            identity.acknowledged(batch);
        }
        telemetry.ended(batch.takeAttemptSpan(), baseOffset, null);
        batch.succeed(baseOffset, logAppendTime, logStartOffset, runtime.callbacks());
        accumulator.release(batch);
    }

    private void fail(ProducerBatch batch, Throwable cause) {
        if (transactions != null) {
            transactions.batchFailed(batch.baseSequence() >= 0, cause); // the epoch is bumped when the transaction ends
        } else if (identity != null && batch.baseSequence() >= 0) {
            identity.reset(batch.identity()); // its sequence numbers will never reach the broker: start again at a new epoch
        }
        telemetry.ended(batch.takeAttemptSpan(), -1, cause);
        batch.fail(cause, runtime.callbacks());
        accumulator.release(batch);
    }

    private InetSocketAddress address(Node node) {
        return addresses.computeIfAbsent(node, Node::socketAddress);
    }

    private AtomicInteger inFlight(InetSocketAddress broker) {
        return inFlightPerBroker.computeIfAbsent(broker, ignored -> new AtomicInteger());
    }
}
