package io.kafkaex.consumer;

import io.kafkaex.client.GroupProtocol;
import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.JoinGroupOptions;
import io.kafkaex.client.JoinGroupResult;
import io.kafkaex.client.MemberAssignment;
import io.kafkaex.client.MemberSubscription;
import io.kafkaex.client.PartitionAssignment;
import io.kafkaex.client.RetriableFailures;
import io.kafkaex.client.SyncGroupOptions;
import io.kafkaex.client.SyncGroupResult;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.MembershipWaits.Closing;
import io.kafkaex.consumer.MembershipWaits.Fatal;
import io.kafkaex.consumer.assignor.PartitionAssignor;
import io.kafkaex.consumer.assignor.PartitionAssignor.RebalanceProtocol;
import io.kafkaex.protocol.ConsumerProtocol;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.telemetry.RebalanceEvent;
import io.kafkaex.telemetry.RebalanceReason;
import io.kafkaex.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A member of a classic consumer group (JoinGroup, SyncGroup, Heartbeat, LeaveGroup) as an explicit state machine
 * run by one coordination thread: JOINING (eager assignors revoke everything first; join; the leader assigns with the
 * assignor the coordinator chose; sync) → STABLE (heartbeats on the event loop, see {@link Heartbeater}) → JOINING
 * again when a heartbeat says so, … → CLOSED after revoking with commits and leaving (a static member does not
 * leave), or FAILED on an error no rejoin can fix (FENCED_INSTANCE_ID, authorization, inconsistent protocol).
 *
 * <p>Rejoins: REBALANCE_IN_PROGRESS rejoins with the same member id; UNKNOWN_MEMBER_ID forgets the member id and
 * ILLEGAL_GENERATION the generation, and the partitions owned are lost (not committed); transient errors (coordinator
 * moving or loading, lost connections, timeouts; coordinator rediscovery is the client's) are retried with the join
 * backoff, 1 s doubling to 10 s by default, without limit — never a crash loop. Cooperative assignors (when every
 * offered assignor is cooperative, as in the Java consumer) keep their partitions across a rebalance, revoke only
 * those assigned elsewhere and then rejoin once more so those can move (KIP-429).
 *
 * <p>Thread-safe: the accessors may be called from any thread; the listener is called on the coordination thread.
 */
final class ClassicMembership extends CoordinatedMembership {

    private static final Logger LOG = LoggerFactory.getLogger(ClassicMembership.class);

    private final GroupApi api;
    private final MembershipListener listener;
    private final Telemetry telemetry;
    private final Duration metadataCheckInterval;
    private final Heartbeater heartbeater;
    private final RebalanceProtocol protocol;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private volatile String leaderId = "";
    /** The generation whose partitions are owned (-1 before the first assignment), sent for cooperative stickiness. */
    private int ownedGeneration = -1;
    /** Leader only: the partition counts the last assignment was made with, to notice topics growing. */
    private Map<String, Integer> assignedCounts = Map.of();

    ClassicMembership(ConsumerGroupOptions options, GroupApi api, MembershipListener listener, Telemetry telemetry,
            Duration metadataCheckInterval, Duration requestTimeout) {
        super(options, requestTimeout);
        this.api = api;
        this.listener = listener;
        this.telemetry = telemetry;
        this.metadataCheckInterval = metadataCheckInterval;
        this.protocol = options.assignors().stream().allMatch(a -> a.rebalanceProtocol() == RebalanceProtocol.COOPERATIVE)
                ? RebalanceProtocol.COOPERATIVE : RebalanceProtocol.EAGER;
        this.heartbeater = new Heartbeater(api, options.groupId(), options.heartbeatInterval(), options.sessionTimeout(),
                System::currentTimeMillis, new Heartbeater.Outcome() {
                    @Override
                    public void generationEnded(Generation ended, KafkaError error, Throwable failure) {
                        events.add(new Event.HeartbeatFailed(ended, error, failure));
                    }

                    @Override
                    public void sessionExpired(Generation expired) {
                        events.add(new Event.SessionExpired(expired));
                    }
                });
    }

    @Override
    public String leaderId() {
        return leaderId;
    }

    /** Which protocol the offered assignors allow: cooperative only when all of them are. */
    RebalanceProtocol rebalanceProtocol() {
        return protocol;
    }

    @Override
    public void requestRejoin(String reason) {
        events.add(new Event.Rejoin(RebalanceReason.METADATA_CHANGED, reason));
    }

    @Override
    void wake() {
        events.add(new Event.Close());
    }

    @Override
    void coordinate() throws InterruptedException {
        boolean joined = false;
        int failedJoins = 0;
        while (!closing()) {
            if (!joined) {
                try {
                    joinAndSync();
                    joined = true;
                    failedJoins = 0;
                } catch (Closing closingNow) {
                    return;
                } catch (RuntimeException failure) {
                    if (!rejoinable(failure)) {
                        throw failure instanceof Fatal fatal ? fatal : new Fatal(failure);
                    }
                    failedJoins++;
                    waitBeforeRetry(failure, failedJoins);
                }
                continue;
            }
            Event event = events.poll(metadataCheckInterval.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                checkPartitionCounts();
            } else {
                joined = !handle(event);
            }
        }
    }

    /** Handles an event of a stable member; true when it must rejoin. */
    private boolean handle(Event event) {
        Generation current = generation;
        if (event instanceof Event.HeartbeatFailed failed) {
            if (!failed.generation().equals(current)) {
                return false;
            }
            return heartbeatFailed(failed);
        }
        if (event instanceof Event.SessionExpired expired) {
            if (!expired.generation().equals(current)) {
                return false;
            }
            rebalance(RebalanceReason.HEARTBEAT_TIMEOUT, KafkaError.NONE);
            LOG.warn("Group '{}': no heartbeat answered for a session timeout ({}); the coordinator has dropped member "
                    + "'{}', rejoining", options.groupId(), options.sessionTimeout(), current.memberId());
            loseOwned();
            generation = new Generation(-1, current.memberId(), current.groupInstanceId());
            return true;
        }
        if (event instanceof Event.Rejoin rejoin) {
            rebalance(rejoin.reason(), KafkaError.NONE);
            LOG.info("Group '{}': rejoining ({})", options.groupId(), rejoin.detail());
            return true;
        }
        return false; // Close: the loop ends as closing is set
    }

    private boolean heartbeatFailed(Event.HeartbeatFailed failed) {
        KafkaError error = failed.error();
        Generation current = failed.generation();
        if (error == KafkaError.REBALANCE_IN_PROGRESS) {
            rebalance(RebalanceReason.REBALANCE_IN_PROGRESS, error);
            return true;
        }
        if (error == KafkaError.UNKNOWN_MEMBER_ID || error == KafkaError.ILLEGAL_GENERATION
                || error == KafkaError.FENCED_MEMBER_EPOCH) {
            rebalance(RebalanceReason.HEARTBEAT_ERROR, error);
            loseOwned();
            generation = error == KafkaError.UNKNOWN_MEMBER_ID ? Generation.none(current.groupInstanceId())
                    : new Generation(-1, current.memberId(), current.groupInstanceId());
            return true;
        }
        throw new Fatal(failed.failure());
    }

    /** One join and sync; throws the join's or sync's failure, {@link Closing} when closed meanwhile. */
    private void joinAndSync() {
        state = State.JOINING;
        heartbeater.stop();
        if (protocol == RebalanceProtocol.EAGER && !owned.isEmpty()) {
            Set<TopicPartition> revoking = owned;
            listener.revoked(revoking);
            owned = Set.of();
        }
        Generation current = generation;
        JoinGroupOptions join = JoinGroupOptions.consumer(options.groupId(), options.topics())
                .withMemberId(current.memberId()).withGroupInstanceId(options.groupInstanceId())
                .withTimeouts(options.sessionTimeout(), options.rebalanceTimeout())
                .withProtocols(ConsumerProtocol.PROTOCOL_TYPE, protocols());
        JoinGroupResult joined;
        try {
            joined = waits.await(api.join(join));
        } catch (RuntimeException failure) {
            forgetAfter(failure, current);
            throw failure;
        }
        Generation next = new Generation(joined.generationId(), joined.memberId(), options.groupInstanceId());
        generation = next;
        leaderId = joined.leaderId();
        Map<String, MemberAssignment> assignments = joined.isLeader() && !joined.skipAssignment()
                ? assign(joined) : Map.of();
        SyncGroupResult synced;
        try {
            synced = waits.await(api.sync(SyncGroupOptions.after(options.groupId(), joined, assignments)
                    .withGroupInstanceId(options.groupInstanceId())));
        } catch (RuntimeException failure) {
            forgetAfter(failure, next);
            throw failure;
        }
        apply(PartitionsByTopic.flatten(synced.assignment()), next);
        heartbeater.start(next);
        state = State.STABLE;
    }

    /** What a join or sync error means for who we are: a new member id or generation, partitions lost. */
    private void forgetAfter(RuntimeException failure, Generation current) {
        KafkaError error = RetriableFailures.errorOf(failure);
        if (error == KafkaError.UNKNOWN_MEMBER_ID) {
            loseOwned();
            generation = Generation.none(current.groupInstanceId());
        } else if (error == KafkaError.ILLEGAL_GENERATION) {
            loseOwned();
            generation = new Generation(-1, current.memberId(), current.groupInstanceId());
        }
    }

    private void apply(Set<TopicPartition> assigned, Generation next) {
        Set<TopicPartition> revoked = new LinkedHashSet<>(owned);
        revoked.removeAll(assigned);
        Set<TopicPartition> added = new LinkedHashSet<>(assigned);
        added.removeAll(owned);
        if (!revoked.isEmpty()) {
            listener.revoked(revoked);
        }
        owned = Set.copyOf(assigned);
        ownedGeneration = next.generationId();
        LOG.info("Group '{}': member '{}' in generation {} owns {} (added {}, revoked {})", options.groupId(),
                next.memberId(), next.generationId(), owned, added, revoked);
        if (!added.isEmpty()) {
            listener.assigned(added, next);
        }
        if (!revoked.isEmpty()) {
            events.add(new Event.Rejoin(RebalanceReason.REVOCATION_FOLLOW_UP,
                    "partitions " + revoked + " revoked so they can move to their new owner"));
        }
    }

    private List<GroupProtocol> protocols() {
        Set<String> topics = new LinkedHashSet<>(options.topics());
        List<PartitionAssignment> ownedPartitions = protocol == RebalanceProtocol.COOPERATIVE
                ? PartitionsByTopic.assignments(owned) : List.of();
        List<GroupProtocol> offered = new ArrayList<>();
        for (PartitionAssignor assignor : options.assignors()) {
            offered.add(GroupProtocol.consumer(assignor.name(), new MemberSubscription(options.topics(),
                    assignor.subscriptionUserData(topics, ownedGeneration), ownedPartitions, ownedGeneration,
                    options.rackId())));
        }
        return offered;
    }

    private Map<String, MemberAssignment> assign(JoinGroupResult joined) {
        PartitionAssignor assignor = options.assignors().stream().filter(a -> a.name().equals(joined.protocolName()))
                .findFirst().orElseThrow(() -> new Fatal(new IllegalStateException("The coordinator of group '"
                        + options.groupId() + "' chose assignor '" + joined.protocolName() + "', which this member did "
                        + "not offer")));
        Set<String> groupTopics = new LinkedHashSet<>();
        for (JoinGroupMember member : joined.members()) {
            if (member.subscription() != null) {
                groupTopics.addAll(member.subscription().topics());
            }
        }
        Map<String, Integer> counts = waits.await(api.partitionCounts(groupTopics));
        assignedCounts = Map.copyOf(counts);
        return assignor.assign(counts, joined.members());
    }

    /** Leader only: rejoin when a subscribed topic appeared or its partition count changed. */
    private void checkPartitionCounts() {
        if (!generation.memberId().equals(leaderId) || state != State.STABLE) {
            return;
        }
        try {
            Map<String, Integer> counts = waits.await(api.partitionCounts(assignedCounts.isEmpty() ? options.topics()
                    : unionTopics()));
            if (!counts.equals(assignedCounts)) {
                events.add(new Event.Rejoin(RebalanceReason.METADATA_CHANGED, "partition counts changed from "
                        + assignedCounts + " to " + counts));
            }
        } catch (Closing | Fatal stop) {
            throw stop;
        } catch (RuntimeException failure) {
            LOG.debug("Group '{}': metadata check failed, trying again later: {}", options.groupId(), failure.toString());
        }
    }

    private Set<String> unionTopics() {
        Set<String> topics = new LinkedHashSet<>(assignedCounts.keySet());
        topics.addAll(options.topics());
        return topics;
    }

    private void rebalance(RebalanceReason reason, KafkaError error) {
        Generation current = generation;
        state = State.JOINING;
        heartbeater.stop();
        telemetry.emit(new RebalanceEvent(options.groupId(), current.memberId(), current.generationId(), reason, error));
    }

    private void loseOwned() {
        if (!owned.isEmpty()) {
            Set<TopicPartition> losing = owned;
            owned = Set.of();
            listener.lost(losing);
        }
        ownedGeneration = -1;
    }

    private void waitBeforeRetry(RuntimeException failure, int failedJoins) throws InterruptedException {
        KafkaError error = RetriableFailures.errorOf(failure);
        if (error == KafkaError.REBALANCE_IN_PROGRESS || error == KafkaError.UNKNOWN_MEMBER_ID
                || error == KafkaError.ILLEGAL_GENERATION) {
            return; // rejoin at once: the coordinator is waiting for us
        }
        Duration delay = options.joinBackoff().delay(failedJoins);
        LOG.warn("Group '{}': joining failed ({}), attempt {}; retrying in {} ms", options.groupId(),
                failure.getMessage(), failedJoins, delay.toMillis());
        Event event = events.poll(delay.toMillis(), TimeUnit.MILLISECONDS);
        if (event instanceof Event.Rejoin || event instanceof Event.Close) {
            return; // nothing to keep: a closing loop ends, a rejoin happens anyway
        }
    }

    /** Whether a failed join or sync may be tried again. */
    private static boolean rejoinable(RuntimeException failure) {
        if (failure instanceof Fatal) {
            return false;
        }
        KafkaError error = RetriableFailures.errorOf(failure);
        if (error == null) {
            return false;
        }
        return error.isRetriable() || error == KafkaError.REBALANCE_IN_PROGRESS || error == KafkaError.UNKNOWN_MEMBER_ID
                || error == KafkaError.ILLEGAL_GENERATION || error == KafkaError.UNKNOWN_TOPIC_OR_PARTITION;
    }

    @Override
    void shutdown() {
        try {
            if (!owned.isEmpty()) {
                Set<TopicPartition> revoking = owned;
                listener.revoked(revoking);
                owned = Set.of();
            }
        } finally {
            heartbeater.stop();
            Generation current = generation;
            if (options.groupInstanceId() == null && !current.memberId().isEmpty()) {
                leave(current);
            }
            state = State.CLOSED;
        }
    }

    private void leave(Generation current) {
        try {
            api.leave(options.groupId(), current.memberId(), null).get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException failure) {
            LOG.info("Group '{}': leaving as member '{}' failed ({}); the coordinator drops the member after the "
                    + "session timeout", options.groupId(), current.memberId(), failure.getCause() == null
                    ? failure.toString() : failure.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    void fail(Throwable error) {
        heartbeater.stop();
        loseOwned();
        LOG.error("Group '{}': member '{}' stopped for good: {}", options.groupId(), generation.memberId(),
                error.getMessage());
        listener.failed(error);
        state = State.FAILED; // after the listener: whoever sees FAILED also sees the failure
    }

    /** What wakes the coordination thread of a stable member. */
    private sealed interface Event {
        record HeartbeatFailed(Generation generation, KafkaError error, Throwable failure) implements Event {
        }

        record SessionExpired(Generation generation) implements Event {
        }

        record Rejoin(RebalanceReason reason, String detail) implements Event {
        }

        record Close() implements Event {
        }
    }
}
