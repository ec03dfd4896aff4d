package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.GenConsumer;
import io.kafkaex.consumer.HandleResult;
import io.kafkaex.consumer.KafkaExConsumerGroup;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.retry.Backoff;
import io.kafkaex.spring.listener.ListenerInvoker.InvocationFailure;
import io.kafkaex.spring.support.ByteBuffers;
import io.kafkaex.telemetry.ProcessEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GenConsumer} of one container member: converts each record, invokes the listener (per record, or per
 * batch for a batch listener), sends {@code @SendTo} replies, asks the {@link ListenerErrorHandler} what to do when an
 * invocation or conversion fails, and tells the core how far to commit per the {@link CommitMode}. A failed record is
 * retried as the handler says, and records before it in the batch stay processed; a record is only passed when the
 * handler says {@link ErrorDecision#recovered()}. A container stop ends a retry wait and commits only what was
 * processed before the failure. Assignments and revocations go to the {@link ListenerRebalanceListener}s.
 *
 * <p>Threads: {@link #handleMessageSet} on the partition's worker thread, partitions in parallel; the assignment
 * callbacks on the member's coordination thread.
 */
final class ListenerAdapter implements GenConsumer<ListenerAdapter.PartitionState> {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerAdapter.class);
    private static final Backoff HANDLER_FAILURE_BACKOFF =
            Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)).withJitter(0);

    private final ListenerSettings settings;
    private final ListenerInvoker invoker;
    private final RecordConverter converter;
    private final ListenerErrorHandler errorHandler;
    private final ListenerReplyProducer replies;
    private final StopSignal stop;
    private final Supplier<KafkaExConsumerGroup> member;
    private final List<ListenerRebalanceListener> rebalanceListeners;
    private final List<ListenerFailureListener> failureListeners;

    ListenerAdapter(ListenerSettings settings, ListenerInvoker invoker, RecordConverter converter,
            ListenerErrorHandler errorHandler, ListenerReplyProducer replies, StopSignal stop,
            Supplier<KafkaExConsumerGroup> member, List<ListenerRebalanceListener> rebalanceListeners,
            List<ListenerFailureListener> failureListeners) {
        this.settings = settings;
        this.invoker = invoker;
        this.converter = converter;
        this.errorHandler = errorHandler;
        this.replies = replies;
        this.stop = stop;
        this.member = member;
        this.rebalanceListeners = List.copyOf(rebalanceListeners);
        this.failureListeners = List.copyOf(failureListeners);
    }

    @Override
    public PartitionState init(TopicPartition partition) {
        return new PartitionState(partition);
    }

    @Override
    public void assignmentsReceived(Set<TopicPartition> partitions) {
        tellRebalanceListeners("assignment", listener -> listener.onPartitionsAssigned(settings.listenerId(), partitions));
    }

    @Override
    public void assignmentsRevoked(Set<TopicPartition> partitions) {
        tellRebalanceListeners("revocation", listener -> listener.onPartitionsRevoked(settings.listenerId(), partitions));
    }

    private void tellRebalanceListeners(String what, Consumer<ListenerRebalanceListener> call) {
        for (ListenerRebalanceListener listener : rebalanceListeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException failed) {
                LOG.error("The rebalance listener {} failed on the {} of listener '{}'; the rebalance goes on", listener,
                        what, settings.listenerId(), failed);
            }
        }
    }

    @Override
    public HandleResult<PartitionState> handleMessageSet(List<Record> records, PartitionState state) {
        state.handlerThread = Thread.currentThread();
        try {
            List<List<Record>> units = settings.batch() ? List.of(records) : records.stream().map(List::of).toList();
            for (List<Record> unit : units) {
                if (!deliver(unit, state)) {
                    // stopping during a retry wait: commit only what came before the failed records
                    return HandleResult.commitUpTo(ProcessEvent.CommitMode.SYNC,
                            Math.max(0, Math.min(unit.get(0).offset(), committableBefore(state, unit))), state);
                }
                if (settings.commitMode() == CommitMode.RECORD) {
                    member.get().commitSync(state.partition, last(unit) + 1);
                }
            }
            return result(state);
        } finally {
            state.handlerThread = null;
        }
    }

    private long committableBefore(PartitionState state, List<Record> unit) {
        return settings.commitMode().isManual() ? state.acknowledged.get() : unit.get(0).offset();
    }

    private HandleResult<PartitionState> result(PartitionState state) {
        return switch (settings.commitMode()) {
            case ASYNC, BATCH -> HandleResult.asyncCommit(state);
            case SYNC, RECORD -> HandleResult.syncCommit(state);
            case MANUAL, MANUAL_IMMEDIATE -> HandleResult.commitUpTo(ProcessEvent.CommitMode.ASYNC,
                    Math.max(0, state.acknowledged.get()), state);
        };
    }

    /** Delivers one record (or the batch) until it is processed or recovered; false when the container stopped. */
    private boolean deliver(List<Record> unit, PartitionState state) {
        int attempt = 0;
        while (true) {
            Throwable error;
            boolean conversionFailed = false;
            try {
                List<ConsumedRecord<Object, Object>> converted;
                try {
                    converted = convert(unit, state.partition);
                } catch (RuntimeException unreadable) {
                    conversionFailed = true;
                    throw new InvocationFailure(unreadable);
                }
                Object reply = invoker.invoke(converted, acknowledgment(unit, state), settings.groupId());
                reply(unit, reply);
                return true;
            } catch (InvocationFailure failure) {
                error = failure.getCause();
            } catch (RuntimeException replyFailed) {
                error = replyFailed;
            }
            attempt++;
            FailedDelivery delivery = new FailedDelivery(settings.listenerId(), settings.groupId(), state.partition, unit,
                    error, attempt, conversionFailed);
            ErrorDecision decision = decide(delivery);
            tellFailureListeners(delivery, decision);
            if (decision instanceof ErrorDecision.Retry retry) {
                if (!stop.sleep(retry.delay())) {
                    return false;
                }
            } else {
                if (settings.commitMode().isManual()) {
                    state.acknowledged.accumulateAndGet(last(unit) + 1, Math::max); // recovered counts as processed
                }
                return true;
            }
        }
    }

    private void tellFailureListeners(FailedDelivery delivery, ErrorDecision decision) {
        for (ListenerFailureListener listener : failureListeners) {
            try {
                listener.onFailure(delivery, decision);
            } catch (RuntimeException failed) {
                LOG.error("The failure listener {} failed on listener '{}'", listener, settings.listenerId(), failed);
            }
        }
    }

    /** The handler's decision; a handler that throws is logged and asked again after a backoff (never a skip). */
    private ErrorDecision decide(FailedDelivery delivery) {
        int handlerFailures = 0;
        while (true) {
            try {
                return errorHandler.handle(delivery);
            } catch (RuntimeException handlerFailed) {
                handlerFailures++;
                LOG.error("The error handler of listener '{}' failed on {} at offset {}; asking again", delivery.listenerId(),
                        delivery.partition(), delivery.records().get(0).offset(), handlerFailed);
                if (!stop.sleep(handlerFailureBackoff(handlerFailures))) {
                    return ErrorDecision.retryAfter(Duration.ZERO); // stopping: the retry wait ends at once
                }
            }
        }
    }

    /** How long to wait before asking an error handler that threw again: 1 s, 2 s, 4 s ... capped at 30 s. */
    static Duration handlerFailureBackoff(int failures) {
        return HANDLER_FAILURE_BACKOFF.delay(failures);
    }

    private List<ConsumedRecord<Object, Object>> convert(List<Record> unit, TopicPartition partition) {
        List<ConsumedRecord<Object, Object>> converted = new ArrayList<>(unit.size());
        for (Record record : unit) {
            converted.add(converter.convert(partition, record));
        }
        return converted;
    }

    private Acknowledgment acknowledgment(List<Record> unit, PartitionState state) {
        long next = last(unit) + 1;
        return () -> {
            if (!settings.commitMode().isManual()) {
                return;
            }
            state.acknowledged.accumulateAndGet(next, Math::max);
            if (settings.commitMode() == CommitMode.MANUAL_IMMEDIATE && Thread.currentThread() == state.handlerThread) {
                member.get().commitSync(state.partition, next);
            }
        };
    }

    private void reply(List<Record> unit, Object reply) {
        if (reply == null || settings.replyTopic() == null) {
            return;
        }
        byte[] key = ByteBuffers.toArray(unit.get(unit.size() - 1).key());
        if (reply instanceof List<?> many && settings.batch()) {
            many.forEach(each -> replies.send(settings.replyTopic(), key, each));
        } else {
            replies.send(settings.replyTopic(), key, reply);
        }
    }

    private static long last(List<Record> unit) {
        return unit.get(unit.size() - 1).offset();
    }

    /** One partition's state: the acknowledged offset (manual commit modes) and the thread handling it now. */
    static final class PartitionState {
        final TopicPartition partition;
        /** The next offset after the last acknowledged record, or -1. */
        final AtomicLong acknowledged = new AtomicLong(-1);
        volatile Thread handlerThread;

        PartitionState(TopicPartition partition) {
            this.partition = partition;
        }
    }
}
