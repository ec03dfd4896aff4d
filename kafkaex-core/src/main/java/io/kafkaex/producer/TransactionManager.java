package io.kafkaex.producer;

import io.kafkaex.CompletionCauses;
import io.kafkaex.KafkaExException;
import io.kafkaex.client.ClientRuntime;
import io.kafkaex.client.CommitOptions;
import io.kafkaex.client.RetriableFailures;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.cluster.CoordinatorType;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.AddOffsetsToTxnResponse;
import io.kafkaex.protocol.message.AddPartitionsToTxnResponse;
import io.kafkaex.protocol.message.EndTxnResponse;
import io.kafkaex.protocol.message.InitProducerIdResponse;
import io.kafkaex.protocol.message.TxnOffsetCommitResponse;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A transactional producer's side of the transaction protocol: its state, the partitions its transaction has
 * written to, and the calls to the transaction coordinator (InitProducerId with the transactional id,
 * AddPartitionsToTxn, AddOffsetsToTxn, EndTxn) and to a group coordinator (TxnOffsetCommit).
 *
 * <p>States: {@code UNINITIALIZED} until {@link #initialize} got the producer id and epoch; {@code READY} between
 * transactions; {@code IN_TRANSACTION} after {@link #begin()}; {@code COMMITTING} or {@code ABORTING} while a
 * transaction ends; {@code ABORTABLE_ERROR} once something in the transaction failed (a batch, an added partition,
 * offsets), which only {@link #abort} leaves; {@code FAILED} once the producer was fenced by a newer one with the
 * same transactional id, or is not authorized: every call then throws that error and the producer must be closed.
 *
 * <p>Records reach a partition only after the coordinator added it to the transaction: the sender asks
 * {@link #isAdded} before draining a partition and has {@link #maybeAddPartitions} add the new ones, one request
 * at a time. Transient coordinator errors (loading, moved, concurrent transactions, lost connections) are retried
 * after a backoff; the blocking operations retry them until their deadline ({@code max-block}), after which they
 * fail with a {@link ProducerTimeoutException} and may be called again.
 *
 * <p>Thread-safe: the application's threads call the blocking operations and the send hooks; the sender thread
 * calls the sender hooks; answers arrive on the network event loop. State changes happen under this object's
 * monitor; network calls are never made while holding it.
 */
final class TransactionManager {

    /** Where the transaction stands. */
    enum State { UNINITIALIZED, READY, IN_TRANSACTION, COMMITTING, ABORTING, ABORTABLE_ERROR, FAILED }

    /** Errors after which the same request may go again, to the same or a newly found coordinator. */
    private static final Set<KafkaError> TRANSIENT = EnumSet.of(KafkaError.COORDINATOR_LOAD_IN_PROGRESS,
            KafkaError.COORDINATOR_NOT_AVAILABLE, KafkaError.NOT_COORDINATOR, KafkaError.CONCURRENT_TRANSACTIONS,
            KafkaError.NETWORK_EXCEPTION, KafkaError.REQUEST_TIMED_OUT, KafkaError.UNKNOWN_TOPIC_OR_PARTITION);
    /** A coordinator's answers that end the producer: fenced by a newer instance, not authorized, or unusable. */
    private static final Set<KafkaError> FATAL_FROM_COORDINATOR = EnumSet.of(KafkaError.PRODUCER_FENCED,
            KafkaError.INVALID_PRODUCER_EPOCH, KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
            KafkaError.CLUSTER_AUTHORIZATION_FAILED, KafkaError.INVALID_TXN_STATE, KafkaError.INVALID_TRANSACTION_TIMEOUT,
            KafkaError.UNSUPPORTED_VERSION, KafkaError.UNSUPPORTED_FOR_MESSAGE_FORMAT);
    /**
     * A partition leader's answers that end the producer. {@code INVALID_PRODUCER_EPOCH} from a leader only means the
     * coordinator moved the epoch on (the transaction timed out, say): the transaction can still be aborted.
     */
    private static final Set<KafkaError> FATAL_FROM_LEADER = EnumSet.of(KafkaError.PRODUCER_FENCED,
            KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, KafkaError.CLUSTER_AUTHORIZATION_FAILED);
    /** The coordinator finishes the previous transaction's markers quickly: ask again soon. */
    private static final Duration CONCURRENT_TRANSACTIONS_BACKOFF = Duration.ofMillis(20);

    private final ClientRuntime runtime;
    private final ProducerOptions options;
    private final String transactionalId;
    private final ProducerIdentity identity;
    /** Partitions of the open transaction the coordinator has added; read by the sender without the monitor. */
    private final Set<TopicPartition> added = ConcurrentHashMap.newKeySet();
    /** Partitions with records in the open transaction still to be added, in the order they got records. */
    private final Set<TopicPartition> pending = new LinkedHashSet<>();
    private State state = State.UNINITIALIZED;
    /** The failure that put the transaction into ABORTABLE_ERROR or the producer into FAILED. */
    private RuntimeException error;
    private int appending;
    private boolean addInFlight;
    private long addNotBeforeNanos;
    private boolean offsetsAdded;
    /** A batch with sequence numbers failed: its partition's sequences are unknown until the epoch is bumped. */
    private boolean epochBumpNeeded;

    TransactionManager(ClientRuntime runtime, ProducerOptions options, ProducerIdentity identity) {
        this.runtime = runtime;
        this.options = options;
        this.transactionalId = options.transactionalId();
        this.identity = identity;
    }

    /** Whether a transaction is open, failed or being aborted: one that closing the producer should abort. */
    synchronized boolean needsAbortOnClose() {
        return state == State.IN_TRANSACTION || state == State.ABORTABLE_ERROR || state == State.ABORTING;
    }

    // ---- blocking operations, on the application's threads -------------------------------------------------------

    /** Gets the producer id and epoch for the transactional id, fencing older producers with the same id. */
    void initialize(long deadlineNanos) {
        synchronized (this) {
            throwIfFailed();
            if (state != State.UNINITIALIZED) {
                throw new IllegalStateException("initTransactions() was called already for transactional id '" + transactionalId
                        + "'");
            }
        }
        ProducerIdentity.IdAndEpoch handedOut = call("initTransactions", CoordinatorType.TRANSACTION, transactionalId,
                initProducerId(ProducerIdentity.IdAndEpoch.NONE), deadlineNanos);
        identity.adopt(handedOut);
        synchronized (this) {
            state = State.READY;
        }
    }

    synchronized void begin() {
        throwIfFailed();
        if (state != State.READY) {
            throw new IllegalStateException("beginTransaction() needs a producer between transactions, but it is " + state
                    + (state == State.UNINITIALIZED ? ": call initTransactions() first" : ": commit or abort the open one first"));
        }
        state = State.IN_TRANSACTION;
    }

    /** Adds consumed offsets to the open transaction: committed with it, dropped if it aborts. */
    void sendOffsets(Map<TopicPartition, Long> offsets, String group, CommitOptions member, long deadlineNanos) {
        ProducerIdentity.IdAndEpoch current;
        synchronized (this) {
            throwIfCannotGoOn("sendOffsetsToTransaction()");
            current = identity.current();
        }
        call("sendOffsetsToTransaction", CoordinatorType.TRANSACTION, transactionalId, new RequestSpec<>(ApiKey.ADD_OFFSETS_TO_TXN,
                version -> TransactionRequests.addOffsets(transactionalId, current, group),
                (reader, version) -> TransactionRequests.noError(AddOffsetsToTxnResponse.read(reader, version).errorCode()),
                options.requestTimeout()), deadlineNanos);
        synchronized (this) {
            offsetsAdded = true;
        }
        call("sendOffsetsToTransaction", CoordinatorType.GROUP, group, new RequestSpec<>(ApiKey.TXN_OFFSET_COMMIT,
                version -> TransactionRequests.txnOffsetCommit(transactionalId, current, group, member, offsets, version),
                (reader, version) -> TransactionRequests.offsetsCommitted(TxnOffsetCommitResponse.read(reader, version)),
                options.requestTimeout()).atMostVersion(TransactionRequests.MAX_TXN_OFFSET_COMMIT_VERSION), deadlineNanos);
    }

    /**
     * Commits the open transaction: stops new records, lets {@code flush} send every record and wait for it (until
     * the deadline), then ends the transaction. A commit that timed out may be called again.
     *
     * @throws KafkaExException when a record or offset of the transaction failed: abort it then
     */
    void commit(long deadlineNanos, FlushUntil flush) {
        synchronized (this) {
            throwIfFailed();
            if (state == State.ABORTABLE_ERROR) {
                throw cannotCommit();
            }
            if (state != State.IN_TRANSACTION && state != State.COMMITTING) {
                throw new IllegalStateException("commitTransaction() needs an open transaction, but the producer is " + state);
            }
            state = State.COMMITTING;
            awaitQuiet(deadlineNanos, "commitTransaction");
        }
        flush.await(deadlineNanos);
        synchronized (this) {
            throwIfFailed();
            if (state == State.ABORTABLE_ERROR) {
                throw cannotCommit();
            }
            awaitQuiet(deadlineNanos, "commitTransaction");
        }
        end(true, deadlineNanos);
    }

    /**
     * Aborts the open transaction: records not sent yet fail with {@link TransactionAbortedException}, those in
     * flight are waited for ({@code awaitBatches}, until the deadline), then the transaction ends as aborted.
     */
    void abort(long deadlineNanos, FlushUntil awaitBatches) {
        synchronized (this) {
            throwIfFailed();
            if (state != State.IN_TRANSACTION && state != State.ABORTABLE_ERROR && state != State.ABORTING) {
                throw new IllegalStateException("abortTransaction() needs an open transaction, but the producer is " + state
                        + (state == State.COMMITTING ? ": a commit is under way; call commitTransaction() again" : ""));
            }
            state = State.ABORTING;
            awaitQuiet(deadlineNanos, "abortTransaction");
        }
        awaitBatches.await(deadlineNanos);
        synchronized (this) {
            awaitQuiet(deadlineNanos, "abortTransaction");
        }
        end(false, deadlineNanos);
    }

    /** Waits for something until a deadline, failing with a {@link ProducerTimeoutException} after it. */
    @FunctionalInterface
    interface FlushUntil {
        void await(long deadlineNanos);
    }

    // ---- send hooks, on the threads that call send --------------------------------------------------------------

    /**
     * Lets a record into the open transaction, or throws why not; {@link #appended} must follow.
     *
     * @throws IllegalStateException outside a transaction
     */
    synchronized void beginAppend() {
        if (state == State.IN_TRANSACTION) {
            appending++;
            return;
        }
        throwIfFailed();
        if (state == State.ABORTABLE_ERROR) {
            throw onlyAbortable();
        }
        throw new IllegalStateException("send() of a transactional producer needs an open transaction, but the producer is "
                + state + (state == State.UNINITIALIZED ? ": call initTransactions() first"
                : state == State.READY ? ": call beginTransaction() first" : ""));
    }

    /**
     * The record went into {@code partition} ({@code null}: it failed); returns whether the partition is new to the
     * transaction, so the sender should add it now.
     */
    synchronized boolean appended(TopicPartition partition) {
        appending--;
        if (appending == 0) {
            notifyAll();
        }
        return partition != null && !added.contains(partition) && pending.add(partition);
    }

    // ---- sender hooks, on the sender thread ---------------------------------------------------------------------

    /** Whether the coordinator added {@code partition} to the open transaction, so its batches may be sent. */
    boolean isAdded(TopicPartition partition) {
        return added.contains(partition);
    }

    /** What queued batches fail with now: the abort or the error the transaction cannot go on after; else null. */
    synchronized RuntimeException queuedBatchFailure() {
        return switch (state) {
            case ABORTING -> new TransactionAbortedException("The transaction of '" + transactionalId
                    + "' was aborted before these records were sent", error);
            case ABORTABLE_ERROR, FAILED -> new TransactionAbortedException("The transaction of '" + transactionalId
                    + "' failed before these records were sent: " + error.getMessage(), error);
            default -> null;
        };
    }

    /** Sends AddPartitionsToTxn for the partitions waiting to be added, unless one is on its way or backing off. */
    void maybeAddPartitions(Runnable answered) {
        List<TopicPartition> requested;
        ProducerIdentity.IdAndEpoch current;
        synchronized (this) {
            boolean open = state == State.IN_TRANSACTION || state == State.COMMITTING;
            if (!open || addInFlight || pending.isEmpty() || System.nanoTime() - addNotBeforeNanos < 0) {
                return;
            }
            addInFlight = true;
            requested = List.copyOf(pending);
            current = identity.current();
        }
        runtime.coordinator(CoordinatorType.TRANSACTION, transactionalId)
                .thenCompose(coordinator -> runtime.network().send(coordinator.socketAddress(), TrafficClass.OTHER, new RequestSpec<>(
                        ApiKey.ADD_PARTITIONS_TO_TXN, version -> TransactionRequests.addPartitions(transactionalId, current, requested),
                        (reader, version) -> TransactionRequests.addedPartitions(AddPartitionsToTxnResponse.read(reader, version)),
                        options.requestTimeout()).atMostVersion(TransactionRequests.MAX_ADD_PARTITIONS_VERSION)))
                .whenComplete((errors, failure) -> {
                    try {
                        onPartitionsAdded(requested, errors, failure);
                    } finally {
                        answered.run();
                    }
                });
    }

    /** A batch of the transaction failed for good; {@code stamped}: it carried sequence numbers. */
    synchronized void batchFailed(boolean stamped, Throwable cause) {
        epochBumpNeeded |= stamped;
        if (state != State.ABORTING) {
            recordFailure(cause, FATAL_FROM_LEADER);
        }
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private synchronized void onPartitionsAdded(List<TopicPartition> requested, Map<TopicPartition, KafkaError> errors,
            Throwable failure) {
        addInFlight = false;
        notifyAll();
        KafkaError transientError = null;
        if (failure != null) {
            Throwable cause = CompletionCauses.unwrap(failure);
            KafkaError error = RetriableFailures.errorOf(cause);
            if (error == null || !TRANSIENT.contains(error)) {
                recordFailure(cause, FATAL_FROM_COORDINATOR);
                return;
            }
            transientError = error;
        } else {
            for (TopicPartition partition : requested) {
                KafkaError error = errors.getOrDefault(partition, KafkaError.UNKNOWN_SERVER_ERROR);
                if (error == KafkaError.NONE) {
                    pending.remove(partition);
                    added.add(partition);
                } else if (TRANSIENT.contains(error) || error == KafkaError.OPERATION_NOT_ATTEMPTED) {
                    transientError = transientError == null || transientError == KafkaError.OPERATION_NOT_ATTEMPTED
                            ? error : transientError;
                } else {
                    recordFailure(KafkaErrorExceptions.of(error, partition.topic(), partition.partition(), null),
                            FATAL_FROM_COORDINATOR);
                    return;
                }
            }
        }
        if (transientError != null) {
            runtime.forgetCoordinator(CoordinatorType.TRANSACTION, transactionalId, transientError);
            addNotBeforeNanos = System.nanoTime() + backoff(transientError, 1).toNanos();
        }
    }

    /** Sends EndTxn when the transaction touched anything, bumps the epoch when sequences are unknown, and is READY. */
    private void end(boolean commit, long deadlineNanos) {
        boolean touched;
        boolean bump;
        ProducerIdentity.IdAndEpoch current;
        synchronized (this) {
            touched = !added.isEmpty() || offsetsAdded;
            bump = epochBumpNeeded;
            current = identity.current();
        }
        String operation = commit ? "commitTransaction" : "abortTransaction";
        if (touched) {
            call(operation, CoordinatorType.TRANSACTION, transactionalId, new RequestSpec<>(ApiKey.END_TXN,
                    version -> TransactionRequests.endTxn(transactionalId, current, commit),
                    (reader, version) -> TransactionRequests.noError(EndTxnResponse.read(reader, version).errorCode()),
                    options.requestTimeout()).atMostVersion(TransactionRequests.MAX_END_TXN_VERSION), deadlineNanos);
        }
        if (bump) {
            identity.adopt(call(operation, CoordinatorType.TRANSACTION, transactionalId, initProducerId(current), deadlineNanos));
        }
        synchronized (this) {
            added.clear();
            pending.clear();
            offsetsAdded = false;
            epochBumpNeeded = false;
            error = null;
            state = State.READY;
        }
    }

    private RequestSpec<ProducerIdentity.IdAndEpoch> initProducerId(ProducerIdentity.IdAndEpoch held) {
        return new RequestSpec<>(ApiKey.INIT_PRODUCER_ID,
                version -> TransactionRequests.initProducerId(transactionalId, options.transactionTimeout(), held, version),
                (reader, version) -> TransactionRequests.producerId(InitProducerIdResponse.read(reader, version)),
                options.requestTimeout());
    }

    /**
     * Runs {@code spec} against the coordinator of {@code key}, again after transient errors, until the deadline.
     * Other errors are recorded (fatal ones fail the producer, the rest the open transaction) and thrown.
     */
    private <T> T call(String operation, CoordinatorType type, String key, RequestSpec<T> spec, long deadlineNanos) {
        Throwable lastTransient = null;
        for (int attempt = 1; ; attempt++) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw timedOut(operation, lastTransient);
            }
            try {
                return runtime.coordinator(type, key).thenCompose(coordinator -> runtime.network().send(coordinator.socketAddress(),
                        TrafficClass.OTHER, spec)).get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw timedOut(operation, lastTransient);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaExException("Interrupted during " + operation + " of transactional id '" + transactionalId + "'", e);
            } catch (ExecutionException e) {
                Throwable cause = CompletionCauses.unwrap(e.getCause());
                KafkaError error = RetriableFailures.errorOf(cause);
                if (error == null || !TRANSIENT.contains(error)) {
                    synchronized (this) {
                        throw recordFailure(cause, FATAL_FROM_COORDINATOR);
                    }
                }
                lastTransient = cause;
                runtime.forgetCoordinator(type, key, error);
                sleep(Math.min(backoff(error, attempt).toNanos(), Math.max(0, deadlineNanos - System.nanoTime())), operation);
            }
        }
    }

    /** Holds the failure as the producer's (fatal) or the transaction's (abortable) error; returns it to throw. */
    private RuntimeException recordFailure(Throwable cause, Set<KafkaError> fatal) {
        RuntimeException exception = cause instanceof RuntimeException runtimeException ? runtimeException
                : new KafkaExException(cause.getMessage(), cause);
        KafkaError kafkaError = RetriableFailures.errorOf(cause);
        if (kafkaError != null && fatal.contains(kafkaError)) {
            if (state != State.FAILED) {
                state = State.FAILED;
                error = exception;
            }
        } else if (state == State.IN_TRANSACTION || state == State.COMMITTING) {
            state = State.ABORTABLE_ERROR;
            error = exception;
        }
        return exception;
    }

    private Duration backoff(KafkaError error, int attempt) {
        return error == KafkaError.CONCURRENT_TRANSACTIONS ? CONCURRENT_TRANSACTIONS_BACKOFF : options.retryBackoff().delay(attempt);
    }

    /** Waits, holding the monitor's wait set, until no send is between its hooks and no AddPartitionsToTxn is out. */
    private void awaitQuiet(long deadlineNanos, String operation) {
        while (appending > 0 || addInFlight) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw timedOut(operation, null);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaExException("Interrupted during " + operation + " of transactional id '" + transactionalId + "'", e);
            }
        }
    }

    private void sleep(long nanos, String operation) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaExException("Interrupted during " + operation + " of transactional id '" + transactionalId + "'", e);
        }
    }

    private ProducerTimeoutException timedOut(String operation, Throwable lastError) {
        return new ProducerTimeoutException(operation + "() of transactional id '" + transactionalId
                + "' did not finish within max-block (" + options.maxBlock().toMillis() + " ms)"
                + (lastError == null ? "" : "; last error: " + lastError.getMessage()) + "; call it again", lastError);
    }

    private void throwIfFailed() {
        if (state == State.FAILED) {
            throw error;
        }
    }

    private void throwIfCannotGoOn(String operation) {
        throwIfFailed();
        if (state == State.ABORTABLE_ERROR) {
            throw onlyAbortable();
        }
        if (state != State.IN_TRANSACTION) {
            throw new IllegalStateException(operation + " needs an open transaction, but the producer is " + state);
        }
    }

    private TransactionAbortedException onlyAbortable() {
        return new TransactionAbortedException("The transaction of '" + transactionalId + "' can only be aborted now: "
                + error.getMessage(), error);
    }

    private KafkaExException cannotCommit() {
        return new TransactionAbortedException("The transaction of '" + transactionalId + "' cannot be committed because "
                + "part of it failed (" + error.getMessage() + "): call abortTransaction()", error);
    }
}
