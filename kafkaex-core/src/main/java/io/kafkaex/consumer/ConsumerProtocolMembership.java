package io.kafkaex.consumer;

import io.kafkaex.CompletionCauses;
import io.kafkaex.client.ConsumerGroupHeartbeatOptions;
import io.kafkaex.client.ConsumerGroupHeartbeatResult;
import io.kafkaex.client.RetriableFailures;
import io.kafkaex.client.TopicIdPartitions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.MembershipWaits.Closing;
import io.kafkaex.consumer.MembershipWaits.Fatal;
import io.kafkaex.network.NoCommonVersionException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.telemetry.RebalanceEvent;
import io.kafkaex.telemetry.RebalanceReason;
import io.kafkaex.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A member of a KIP-848 consumer group ({@code group.protocol=consumer}): the coordinator assigns, and the member's one
 * request is ConsumerGroupHeartbeat, sent by the member's coordination thread — a join with epoch 0, then a beat at the
 * interval the coordinator answers with, carrying the epoch it last gave. A new assignment is reconciled at once:
 * partitions no longer assigned are revoked first (the listener commits them), the next beat goes out right away and
 * acknowledges the partitions now owned, and while it is on its way the new partitions start
 * ({@link MembershipListener#assigned}). The coordinator names topics by id; the member names them from its subscribed
 * topics' metadata, and a partition of an id the metadata does not know yet starts once it does.
 *
 * <p>Requests: every beat carries every field (subscription, owned partitions, instance and rack id, rebalance timeout,
 * server assignor), not only those that changed, which KIP-848 allows: a lost answer can then never leave the
 * coordinator with other fields than the member believes, for a few bytes per beat. The member id is the member's own,
 * a random UUID made once: ConsumerGroupHeartbeat v1 (Kafka 4.0, KIP-1082) requires that; v0 brokers accept it and may
 * answer with one of their own, which the member then keeps.
 *
 * <p>Errors: FENCED_MEMBER_EPOCH and UNKNOWN_MEMBER_ID lose the partitions (no commits) and rejoin with epoch 0 and the
 * same member id. Transient errors (coordinator moving or loading, lost connections, timeouts; coordinator rediscovery
 * is the client's) are retried: while joining with the join backoff, once joined at the heartbeat interval; when no
 * beat was answered for the session timeout the partitions are lost and the member rejoins. Any other error ends the
 * membership (FAILED): fenced or unreleased instance id, authorization, unknown assignor, and a broker without the
 * consumer protocol, whose message says to use {@code CLASSIC}. Close revokes with commits and leaves with epoch -1, or
 * -2 for a static member, whose assignment then waits for it for the coordinator's session timeout.
 *
 * <p>Why the beats are sent by the coordination thread rather than the event loop: the listener runs there too, so the
 * member's state needs no locks, and its calls (revocation commits, starting partitions) are bounded by the shutdown and
 * request timeouts, well inside the coordinator's session timeout (45 s by default); message handling runs elsewhere.
 *
 * <p>Thread-safe: the accessors may be called from any thread; the listener is called on the coordination thread.
 */
final class ConsumerProtocolMembership extends CoordinatedMembership {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerProtocolMembership.class);

    private final ConsumerProtocolApi api;
    private final MembershipListener listener;
    private final Telemetry telemetry;
    private final TopicIdNames topicNames = new TopicIdNames();
    /** Why the next beat should go now: rejoin requests and close. */
    private final LinkedBlockingQueue<String> wakeUps = new LinkedBlockingQueue<>();

    // confined to the coordination thread
    private String memberId = newMemberId();
    private int epoch = ConsumerGroupHeartbeatOptions.JOIN_EPOCH;
    private Duration interval;
    private long lastAnswered;
    /** The latest assignment the coordinator gave since the member joined, or {@code null}. */
    private List<TopicIdPartitions> target;
    /** Owned partitions acknowledged in the beat being sent, which start while it is on its way. */
    private Set<TopicPartition> starting = Set.of();

    ConsumerProtocolMembership(ConsumerGroupOptions options, ConsumerProtocolApi api, MembershipListener listener,
            Telemetry telemetry, Duration requestTimeout) {
        super(options, requestTimeout);
        this.api = api;
        this.listener = listener;
        this.telemetry = telemetry;
        this.interval = options.heartbeatInterval();
    }

    /** Always {@code ""}: the coordinator assigns, there is no leader member. */
    @Override
    public String leaderId() {
        return "";
    }

    /**
     * Sends the next beat at once: with this protocol the coordinator, not the member, decides the assignment, and the
     * answer brings the newest epoch (after a commit refused with STALE_MEMBER_EPOCH) and assignment.
     */
    @Override
    public void requestRejoin(String reason) {
        wakeUps.add(reason);
    }

    @Override
    void wake() {
        wakeUps.add("closing");
    }

    @Override
    void coordinate() throws InterruptedException {
        int failures = 0;
        lastAnswered = System.currentTimeMillis();
        while (!closing()) {
            Duration wait;
            try {
                wait = beat();
                failures = 0;
            } catch (Closing closingNow) {
                return;
            } catch (Fatal fatal) {
                throw fatal;
            } catch (RuntimeException failure) {
                failures++;
                wait = failed(failure, failures);
            }
            pause(wait);
        }
    }

    /** One beat and its answer; the wait before the next beat, zero when it must acknowledge a change at once. */
    private Duration beat() {
        var sent = api.heartbeat(new ConsumerGroupHeartbeatOptions(options.groupId(), memberId, epoch,
                options.groupInstanceId(), options.rackId(), millis(options.rebalanceTimeout()), options.topics(),
                options.serverAssignor(), topicNames.byId(owned)));
        startAcknowledged();
        ConsumerGroupHeartbeatResult answer = waits.await(sent);
        lastAnswered = System.currentTimeMillis();
        if (epoch == ConsumerGroupHeartbeatOptions.JOIN_EPOCH) {
            LOG.info("Group '{}': member '{}' joined in epoch {}", options.groupId(), answer.memberId(), answer.memberEpoch());
        }
        memberId = answer.memberId();
        epoch = answer.memberEpoch();
        generation = new Generation(epoch, memberId, options.groupInstanceId());
        if (answer.heartbeatIntervalMs() > 0) {
            interval = Duration.ofMillis(answer.heartbeatIntervalMs());
        }
        if (answer.assignment() != null) {
            target = answer.assignment();
        }
        return reconcile() ? Duration.ZERO : interval;
    }

    /** Moves the owned partitions to the latest assignment; true when they changed, so the next beat must say so. */
    private boolean reconcile() {
        if (target == null) {
            return false;
        }
        state = State.STABLE;
        if (!topicNames.knowsAll(target)) {
            learnTopicIds();
        }
        Set<TopicPartition> assigned = topicNames.named(target);
        Set<TopicPartition> revoked = minus(owned, assigned);
        Set<TopicPartition> added = minus(assigned, owned);
        if (revoked.isEmpty() && added.isEmpty()) {
            return false;
        }
        telemetry.emit(new RebalanceEvent(options.groupId(), memberId, epoch, RebalanceReason.ASSIGNMENT_CHANGED,
                KafkaError.NONE));
        if (!revoked.isEmpty()) {
            listener.revoked(revoked);
        }
        owned = Set.copyOf(assigned);
        starting = added;
        LOG.info("Group '{}': member '{}' in epoch {} owns {} (added {}, revoked {})", options.groupId(), memberId, epoch,
                owned, added, revoked);
        return true;
    }

    private void learnTopicIds() {
        try {
            topicNames.learn(waits.await(api.topicIds(options.topics())));
        } catch (Closing closingNow) {
            throw closingNow;
        } catch (RuntimeException failure) {
            LOG.debug("Group '{}': naming the assigned topic ids failed, trying again with the next beat: {}",
                    options.groupId(), failure.toString());
        }
    }

    private void startAcknowledged() {
        if (!starting.isEmpty()) {
            Set<TopicPartition> added = starting;
            starting = Set.of();
            listener.assigned(added, generation);
        }
    }

    /** What a failed beat means: the wait before the next one; throws {@link Fatal} to end. */
    private Duration failed(RuntimeException failure, int failures) {
        KafkaError error = RetriableFailures.errorOf(failure);
        if (error == KafkaError.FENCED_MEMBER_EPOCH || error == KafkaError.UNKNOWN_MEMBER_ID) {
            LOG.warn("Group '{}': member '{}' was fenced in epoch {} ({}); its partitions are lost, rejoining",
                    options.groupId(), memberId, epoch, error);
            rejoin(RebalanceReason.HEARTBEAT_ERROR, error);
            return Duration.ZERO;
        }
        if (error == null || !error.isRetriable()) {
            throw new Fatal(terminal(failure, error));
        }
        boolean joined = epoch > ConsumerGroupHeartbeatOptions.JOIN_EPOCH;
        if (joined && System.currentTimeMillis() - lastAnswered >= options.sessionTimeout().toMillis()) {
            LOG.warn("Group '{}': no heartbeat answered for a session timeout ({}); the coordinator may have given the "
                    + "partitions of member '{}' to others, so they are lost; rejoining", options.groupId(),
                    options.sessionTimeout(), memberId);
            rejoin(RebalanceReason.HEARTBEAT_TIMEOUT, KafkaError.NONE);
            joined = false;
        }
        Duration delay = joined ? interval : options.joinBackoff().delay(failures);
        LOG.warn("Group '{}': heartbeat of member '{}' in epoch {} failed ({}), attempt {}; retrying in {} ms",
                options.groupId(), memberId, epoch, failure.getMessage(), failures, delay.toMillis());
        return delay;
    }

    /** The member starts over with epoch 0 and the same member id; its partitions are lost. */
    private void rejoin(RebalanceReason reason, KafkaError error) {
        telemetry.emit(new RebalanceEvent(options.groupId(), memberId, epoch, reason, error));
        state = State.JOINING;
        loseOwned();
        target = null;
        epoch = ConsumerGroupHeartbeatOptions.JOIN_EPOCH;
        generation = new Generation(-1, memberId, options.groupInstanceId());
    }

    /** The error to end with: a broker without ConsumerGroupHeartbeat says what to do instead. */
    private RuntimeException terminal(RuntimeException failure, KafkaError error) {
        Throwable cause = CompletionCauses.unwrap(failure);
        if (error == KafkaError.UNSUPPORTED_VERSION || cause instanceof NoCommonVersionException) {
            return KafkaErrorExceptions.of(KafkaError.UNSUPPORTED_VERSION, "group '" + options.groupId() + "': the "
                    + "broker does not support group.protocol=consumer (KIP-848 ConsumerGroupHeartbeat, Kafka 4.0 or "
                    + "later); use GroupProtocolType.CLASSIC, or upgrade the broker"
                    + (cause instanceof NoCommonVersionException ? " (" + cause.getMessage() + ")" : ""));
        }
        return failure;
    }

    /** Waits for the next beat's time; a rejoin request or close ends the wait early. */
    private void pause(Duration wait) throws InterruptedException {
        if (wait.isZero()) {
            return;
        }
        String reason = wakeUps.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (reason != null) {
            wakeUps.clear();
            LOG.debug("Group '{}': heartbeat now: {}", options.groupId(), reason);
        }
    }

    @Override
    void shutdown() {
        try {
            Set<TopicPartition> revoking = minus(owned, starting);
            owned = Set.of();
            starting = Set.of();
            if (!revoking.isEmpty()) {
                listener.revoked(revoking);
            }
        } finally {
            if (epoch > ConsumerGroupHeartbeatOptions.JOIN_EPOCH) {
                leave();
            }
            state = State.CLOSED;
        }
    }

    private void leave() {
        ConsumerGroupHeartbeatOptions leave = ConsumerGroupHeartbeatOptions.leave(options.groupId(), memberId,
                options.groupInstanceId());
        try {
            api.heartbeat(leave).get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException failure) {
            LOG.info("Group '{}': leaving as member '{}' (epoch {}) failed ({}); the coordinator drops the member after "
                    + "its session timeout", options.groupId(), memberId, leave.memberEpoch(),
                    failure.getCause() == null ? failure.toString() : failure.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    void fail(Throwable error) {
        loseOwned();
        LOG.error("Group '{}': member '{}' stopped for good: {}", options.groupId(), memberId, error.getMessage());
        listener.failed(error);
        state = State.FAILED; // after the listener: whoever sees FAILED also sees the failure
    }

    private void loseOwned() {
        Set<TopicPartition> losing = minus(owned, starting);
        owned = Set.of();
        starting = Set.of();
        if (!losing.isEmpty()) {
            listener.lost(losing);
        }
    }

    private static Set<TopicPartition> minus(Set<TopicPartition> from, Set<TopicPartition> removed) {
        Set<TopicPartition> rest = new LinkedHashSet<>(from);
        rest.removeAll(removed);
        return rest;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    /** A random UUID in Kafka's text form (URL-safe Base64 without padding), as the Java consumer makes its id. */
    private static String newMemberId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
