package io.kafkaex.consumer;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.assignor.PartitionAssignor;
import io.kafkaex.consumer.assignor.PartitionAssignors;
import io.kafkaex.retry.Backoff;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;

/**
 * The settings of a {@link KafkaExConsumerGroup} member, immutable and validated when built. Defaults are kafka_ex's
 * ({@code DEFAULT_*}) except where a Spring Boot user expects the Java consumer's: the assignors, the reset policy
 * ({@code LATEST}) and the fetch settings.
 */
public final class ConsumerGroupOptions {

    /** kafka_ex's {@code session_timeout}. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(30);
    /** kafka_ex's {@code heartbeat_interval}. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
    /** kafka_ex's {@code commit_interval}: the longest processed offsets wait for an asynchronous commit. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(5);
    /** kafka_ex's {@code commit_threshold}: the offset distance that triggers an asynchronous commit. */
    public static final int DEFAULT_COMMIT_THRESHOLD = 100;
    /** kafka_ex's GenConsumer {@code shutdown}: how long a revoked partition's last batch and commit may take. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    /** kafka_ex's join retry: 1 s doubling to 10 s, here without giving up (never a crash loop). */
    public static final Backoff DEFAULT_JOIN_BACKOFF = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(10));
    /** The wait before a batch whose handler threw is handed again, doubling per failure. */
    public static final Backoff DEFAULT_HANDLER_BACKOFF = Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(10));
    /** An initial offset of {@link Builder#assign}: start at the committed offset, else per the reset policy. */
    public static final long COMMITTED_OFFSET = -1;

    private final KafkaExClientOptions client;
    private final String groupId;
    private final List<String> topics;
    private final String groupInstanceId;
    private final String rackId;
    private final GroupProtocolType groupProtocol;
    private final String serverAssignor;
    private final Duration sessionTimeout;
    private final Duration rebalanceTimeout;
    private final Duration heartbeatInterval;
    private final List<PartitionAssignor> assignors;
    private final Duration commitInterval;
    private final int commitThreshold;
    private final FetcherOptions fetch;
    private final Duration shutdownTimeout;
    private final Backoff joinBackoff;
    private final Backoff handlerBackoff;
    private final String consumerName;
    private final ConsumerErrorListener errorListener;
    private final ThreadFactory workerThreadFactory;
    private final Map<TopicPartition, Long> assignment;

    private ConsumerGroupOptions(Builder builder) {
        this.client = Objects.requireNonNull(builder.client, "client options");
        this.groupId = requireText(builder.groupId, "groupId");
        this.topics = List.copyOf(builder.topics);
        if (topics.isEmpty() || topics.stream().anyMatch(topic -> topic == null || topic.isBlank())) {
            throw new IllegalArgumentException("topics must name at least one topic and no blank one, was " + topics);
        }
        this.groupInstanceId = builder.groupInstanceId;
        if (groupInstanceId != null && groupInstanceId.isBlank()) {
            throw new IllegalArgumentException("groupInstanceId must not be blank (null for a dynamic member)");
        }
        this.rackId = builder.rackId;
        this.groupProtocol = Objects.requireNonNull(builder.groupProtocol, "groupProtocol");
        this.serverAssignor = builder.serverAssignor;
        if (serverAssignor != null && (serverAssignor.isBlank() || groupProtocol != GroupProtocolType.CONSUMER)) {
            throw new IllegalArgumentException("serverAssignor names the coordinator's assignor of the CONSUMER group "
                    + "protocol (e.g. \"uniform\" or \"range\"); it must not be blank and needs groupProtocol CONSUMER, "
                    + "was '" + serverAssignor + "' with " + groupProtocol);
        }
        this.sessionTimeout = positive(builder.sessionTimeout, "sessionTimeout");
        this.rebalanceTimeout = positive(builder.rebalanceTimeout == null ? sessionTimeout.multipliedBy(3)
                : builder.rebalanceTimeout, "rebalanceTimeout");
        this.heartbeatInterval = positive(builder.heartbeatInterval, "heartbeatInterval");
        if (heartbeatInterval.compareTo(sessionTimeout) >= 0) {
            throw new IllegalArgumentException("heartbeatInterval (" + heartbeatInterval + ") must be shorter than "
                    + "sessionTimeout (" + sessionTimeout + "), usually a third of it or less");
        }
        this.assignors = List.copyOf(builder.assignors);
        if (assignors.isEmpty()) {
            throw new IllegalArgumentException("assignors must name at least one assignor, e.g. "
                    + PartitionAssignors.defaults().stream().map(PartitionAssignor::name).toList());
        }
        Set<String> names = assignors.stream().map(PartitionAssignor::name).collect(Collectors.toSet());
        if (names.size() != assignors.size()) {
            throw new IllegalArgumentException("assignors must have distinct names, were "
                    + assignors.stream().map(PartitionAssignor::name).toList());
        }
        this.commitInterval = positive(builder.commitInterval, "commitInterval");
        if (builder.commitThreshold < 0) {
            throw new IllegalArgumentException("commitThreshold must be >= 0 (0 commits after every batch), was "
                    + builder.commitThreshold);
        }
        this.commitThreshold = builder.commitThreshold;
        FetcherOptions fetchOptions = Objects.requireNonNull(builder.fetch, "fetch options");
        // one setting: the reset policy lives in the fetch options, an explicit autoOffsetReset(...) overrides theirs
        this.fetch = builder.autoOffsetReset == null ? fetchOptions
                : fetchOptions.withAutoOffsetReset(builder.autoOffsetReset);
        this.shutdownTimeout = positive(builder.shutdownTimeout, "shutdownTimeout");
        this.joinBackoff = Objects.requireNonNull(builder.joinBackoff, "joinBackoff");
        this.handlerBackoff = Objects.requireNonNull(builder.handlerBackoff, "handlerBackoff");
        this.consumerName = builder.consumerName == null ? groupId : builder.consumerName;
        this.errorListener = Objects.requireNonNull(builder.errorListener, "errorListener");
        this.workerThreadFactory = builder.workerThreadFactory;
        this.assignment = Collections.unmodifiableMap(new LinkedHashMap<>(builder.assignment));
        assignment.forEach((partition, offset) -> {
            if (!topics.contains(partition.topic()) || offset == null || offset < COMMITTED_OFFSET) {
                throw new IllegalArgumentException("assign(...) needs partitions of the topics " + topics
                        + " and initial offsets >= 0 or COMMITTED_OFFSET, was " + partition + " -> " + offset);
            }
        });
    }

    public static Builder builder(KafkaExClientOptions client, String groupId, List<String> topics) {
        return new Builder(client, groupId, topics);
    }

    public KafkaExClientOptions client() {
        return client;
    }

    public String groupId() {
        return groupId;
    }

    /** The subscribed topics. */
    public List<String> topics() {
        return topics;
    }

    /** The static member's instance id (KIP-345), or {@code null} for a dynamic member. */
    public String groupInstanceId() {
        return groupInstanceId;
    }

    /** The member's rack for rack-aware assignors, or {@code null}. */
    public String rackId() {
        return rackId;
    }

    /** {@code CLASSIC} by default. */
    public GroupProtocolType groupProtocol() {
        return groupProtocol;
    }

    /**
     * The coordinator's assignor for the {@code CONSUMER} group protocol ({@code "uniform"}, {@code "range"}), or
     * {@code null} (the default) for the coordinator's default ({@code group.consumer.assignors}).
     */
    public String serverAssignor() {
        return serverAssignor;
    }

    /**
     * How long the coordinator waits for a heartbeat before it drops the member; 30 s by default. With the
     * {@code CONSUMER} protocol the coordinator's own {@code group.consumer.session.timeout.ms} applies, and this only
     * bounds how long the member keeps its partitions while no heartbeat is answered.
     */
    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    /** How long the coordinator waits for members to rejoin in a rebalance; three session timeouts by default. */
    public Duration rebalanceTimeout() {
        return rebalanceTimeout;
    }

    /** Time between heartbeats; 5 s by default. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** The assignors offered in JoinGroup, preferred first; the Java consumer's {@code range, cooperative-sticky}. */
    public List<PartitionAssignor> assignors() {
        return assignors;
    }

    public Duration commitInterval() {
        return commitInterval;
    }

    public int commitThreshold() {
        return commitThreshold;
    }

    /** Where a partition without a committed offset starts; {@code LATEST} by default. */
    public OffsetResetPolicy autoOffsetReset() {
        return fetch.autoOffsetReset();
    }

    /** Fetch sizes, waits, isolation and the prefetch memory bound. */
    public FetcherOptions fetch() {
        return fetch;
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    public Backoff joinBackoff() {
        return joinBackoff;
    }

    public Backoff handlerBackoff() {
        return handlerBackoff;
    }

    /** The name telemetry gives the consuming code (kafka_ex's {@code consumer_module}); the group id by default. */
    public String consumerName() {
        return consumerName;
    }

    public ConsumerErrorListener errorListener() {
        return errorListener;
    }

    /**
     * Makes the threads that run the partition workers (the handler calls), e.g. a virtual-thread factory; {@code null}
     * (the default) for daemon platform threads named {@code kafkaex-consumer-<group>-<n>}.
     */
    public ThreadFactory workerThreadFactory() {
        return workerThreadFactory;
    }

    /**
     * The partitions this member is given without group membership, with the offset each starts at
     * ({@link #COMMITTED_OFFSET} for the committed one); empty (the default) to join the group and be assigned
     * partitions of {@link #topics()} by it.
     */
    public Map<TopicPartition, Long> assignment() {
        return assignment;
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {

        private final KafkaExClientOptions client;
        private final String groupId;
        private final List<String> topics;
        private String groupInstanceId;
        private String rackId;
        private GroupProtocolType groupProtocol = GroupProtocolType.CLASSIC;
        private String serverAssignor;
        private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        private Duration rebalanceTimeout;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private List<PartitionAssignor> assignors = PartitionAssignors.defaults();
        private Duration commitInterval = DEFAULT_COMMIT_INTERVAL;
        private int commitThreshold = DEFAULT_COMMIT_THRESHOLD;
        /** Set only by {@link #autoOffsetReset}; else the fetch options' policy ({@code LATEST} by default) holds. */
        private OffsetResetPolicy autoOffsetReset;
        private FetcherOptions fetch = FetcherOptions.defaults();
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Backoff joinBackoff = DEFAULT_JOIN_BACKOFF;
        private Backoff handlerBackoff = DEFAULT_HANDLER_BACKOFF;
        private String consumerName;
        private ConsumerErrorListener errorListener = new LoggingErrorListener();
        private ThreadFactory workerThreadFactory;
        private Map<TopicPartition, Long> assignment = Map.of();

        private Builder(KafkaExClientOptions client, String groupId, List<String> topics) {
            this.client = client;
            this.groupId = groupId;
            this.topics = topics;
        }

        public Builder groupInstanceId(String id) {
            this.groupInstanceId = id;
            return this;
        }

        public Builder rackId(String id) {
            this.rackId = id;
            return this;
        }

        public Builder groupProtocol(GroupProtocolType protocol) {
            this.groupProtocol = protocol;
            return this;
        }

        public Builder serverAssignor(String name) {
            this.serverAssignor = name;
            return this;
        }

        public Builder sessionTimeout(Duration timeout) {
            this.sessionTimeout = timeout;
            return this;
        }

        public Builder rebalanceTimeout(Duration timeout) {
            this.rebalanceTimeout = timeout;
            return this;
        }

        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        public Builder assignors(List<PartitionAssignor> preferredFirst) {
            this.assignors = preferredFirst;
            return this;
        }

        public Builder commitInterval(Duration interval) {
            this.commitInterval = interval;
            return this;
        }

        public Builder commitThreshold(int threshold) {
            this.commitThreshold = threshold;
            return this;
        }

        /** Overrides the reset policy of the {@link #fetch} options, whichever is set first. */
        public Builder autoOffsetReset(OffsetResetPolicy policy) {
            this.autoOffsetReset = policy;
            return this;
        }

        public Builder fetch(FetcherOptions options) {
            this.fetch = options;
            return this;
        }

        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = timeout;
            return this;
        }

        public Builder joinBackoff(Backoff backoff) {
            this.joinBackoff = backoff;
            return this;
        }

        public Builder handlerBackoff(Backoff backoff) {
            this.handlerBackoff = backoff;
            return this;
        }

        public Builder consumerName(String name) {
            this.consumerName = name;
            return this;
        }

        public Builder errorListener(ConsumerErrorListener listener) {
            this.errorListener = listener;
            return this;
        }

        /** See {@link ConsumerGroupOptions#workerThreadFactory()}. */
        public Builder workerThreadFactory(ThreadFactory factory) {
            this.workerThreadFactory = factory;
            return this;
        }

        /**
         * Consumes exactly these partitions, without joining the group (no rebalance ever moves them), each from its
         * initial offset or {@link #COMMITTED_OFFSET}; commits still go to the group id. See
         * {@link ConsumerGroupOptions#assignment()}.
         */
        public Builder assign(Map<TopicPartition, Long> initialOffsets) {
            this.assignment = initialOffsets;
            return this;
        }

        public ConsumerGroupOptions build() {
            return new ConsumerGroupOptions(this);
        }
    }
}
