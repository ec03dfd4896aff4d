package io.kafkaex.autoconfigure;

import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.consumer.FetcherOptions;
import io.kafkaex.consumer.GroupProtocolType;
import io.kafkaex.consumer.OffsetResetPolicy;
import io.kafkaex.consumer.assignor.PartitionAssignor;
import io.kafkaex.consumer.assignor.PartitionAssignors;
import io.kafkaex.spring.serialization.Deserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * Properties under {@code kafkaex.consumer}: the consumer-group members behind listener containers. Part of
 * {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class ConsumerProperties {

    /**
     * The consumer group of listeners whose groupId attribute is empty; without it, such a listener's group is its
     * id.
     */
    private String groupId;

    /**
     * Deserializer class for record keys. Unset: chosen by the listener parameter's type (String, byte[], Long,
     * Integer, else JSON through the application's Jackson mapper).
     */
    private Class<? extends Deserializer<?>> keyDeserializer;

    /**
     * Deserializer class for record values. Unset: chosen by the listener parameter's type (String, byte[], Long,
     * Integer, else JSON through the application's Jackson mapper).
     */
    private Class<? extends Deserializer<?>> valueDeserializer;

    /**
     * Packages whose classes the JSON type header may name when a listener's parameter type does not fix the type;
     * "*" trusts every package.
     */
    private List<String> jsonTrustedPackages = new ArrayList<>();

    /** Where a partition without a committed offset starts: earliest, latest or none (fail until the application seeks). */
    private OffsetResetPolicy autoOffsetReset = FetcherOptions.DEFAULT_AUTO_OFFSET_RESET;

    /** Rebalance protocol: classic (JoinGroup/SyncGroup, every broker) or consumer (KIP-848, Kafka 4.0+). */
    private GroupProtocolType groupProtocol = GroupProtocolType.CLASSIC;

    /** The coordinator's assignor with group-protocol consumer (e.g. uniform or range); the broker's default when unset. */
    private String serverAssignor;

    /** How long the coordinator waits for a heartbeat before it drops the member. */
    private Duration sessionTimeout = ConsumerGroupOptions.DEFAULT_SESSION_TIMEOUT;

    /** Time between heartbeats; shorter than session-timeout, usually a third of it or less. */
    private Duration heartbeatInterval = ConsumerGroupOptions.DEFAULT_HEARTBEAT_INTERVAL;

    /** How long the coordinator waits for members to rejoin in a rebalance; three session timeouts when unset. */
    private Duration rebalanceTimeout;

    /** Partition assignors offered in the classic protocol, preferred first: range, roundrobin, cooperative-sticky. */
    private List<String> assignors = new ArrayList<>(
            PartitionAssignors.defaults().stream().map(PartitionAssignor::name).toList());

    /** Whether records of open and aborted transactions are hidden: read-committed, or read-uncommitted. */
    private IsolationLevel isolationLevel = IsolationLevel.READ_UNCOMMITTED;

    /** Bytes the broker waits for before it answers a fetch. */
    private DataSize fetchMinSize = DataSize.ofBytes(FetcherOptions.DEFAULT_MIN_BYTES);

    /** The most bytes of records one fetch response may bring (one batch comes whole even if larger). */
    private DataSize fetchMaxSize = DataSize.ofBytes(FetcherOptions.DEFAULT_MAX_BYTES);

    /** How long the broker may wait for fetch-min-size before it answers a fetch. */
    private Duration fetchMaxWait = FetcherOptions.DEFAULT_MAX_WAIT;

    /** The most bytes of records one partition may bring per fetch response. */
    private DataSize maxPartitionFetchSize = DataSize.ofBytes(FetcherOptions.DEFAULT_PARTITION_MAX_BYTES);

    /** The bytes of fetched records not yet handled above which nothing more is fetched. */
    private DataSize maxBufferedSize = DataSize.ofBytes(FetcherOptions.DEFAULT_MAX_BUFFERED_BYTES);

    /** The longest handled offsets wait for an asynchronous commit. */
    private Duration commitInterval = ConsumerGroupOptions.DEFAULT_COMMIT_INTERVAL;

    /** How many handled offsets of a partition trigger an asynchronous commit; 0 commits after every batch. */
    private int commitThreshold = ConsumerGroupOptions.DEFAULT_COMMIT_THRESHOLD;

    /** How long a revoked partition's last batch and commit may take when the member stops or rebalances. */
    private Duration shutdownTimeout = ConsumerGroupOptions.DEFAULT_SHUTDOWN_TIMEOUT;

    /**
     * Static membership id (KIP-345) of this application instance; each member appends its listener and index.
     * Unset for dynamic members.
     */
    private String groupInstanceId;

    /** Rack of this application instance, for rack-aware assignment. */
    private String rack;

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public Class<? extends Deserializer<?>> getKeyDeserializer() {
        return keyDeserializer;
    }

    public void setKeyDeserializer(Class<? extends Deserializer<?>> keyDeserializer) {
        this.keyDeserializer = keyDeserializer;
    }

    public Class<? extends Deserializer<?>> getValueDeserializer() {
        return valueDeserializer;
    }

    public void setValueDeserializer(Class<? extends Deserializer<?>> valueDeserializer) {
        this.valueDeserializer = valueDeserializer;
    }

    public List<String> getJsonTrustedPackages() {
        return jsonTrustedPackages;
    }

    public void setJsonTrustedPackages(List<String> jsonTrustedPackages) {
        this.jsonTrustedPackages = jsonTrustedPackages;
    }

    public OffsetResetPolicy getAutoOffsetReset() {
        return autoOffsetReset;
    }

    public void setAutoOffsetReset(OffsetResetPolicy autoOffsetReset) {
        this.autoOffsetReset = autoOffsetReset;
    }

    public GroupProtocolType getGroupProtocol() {
        return groupProtocol;
    }

    public void setGroupProtocol(GroupProtocolType groupProtocol) {
        this.groupProtocol = groupProtocol;
    }

    public String getServerAssignor() {
        return serverAssignor;
    }

    public void setServerAssignor(String serverAssignor) {
        this.serverAssignor = serverAssignor;
    }

    public Duration getSessionTimeout() {
        return sessionTimeout;
    }

    public void setSessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public Duration getRebalanceTimeout() {
        return rebalanceTimeout;
    }

    public void setRebalanceTimeout(Duration rebalanceTimeout) {
        this.rebalanceTimeout = rebalanceTimeout;
    }

    public List<String> getAssignors() {
        return assignors;
    }

    public void setAssignors(List<String> assignors) {
        this.assignors = assignors;
    }

    public IsolationLevel getIsolationLevel() {
        return isolationLevel;
    }

    public void setIsolationLevel(IsolationLevel isolationLevel) {
        this.isolationLevel = isolationLevel;
    }

    public DataSize getFetchMinSize() {
        return fetchMinSize;
    }

    public void setFetchMinSize(DataSize fetchMinSize) {
        this.fetchMinSize = fetchMinSize;
    }

    public DataSize getFetchMaxSize() {
        return fetchMaxSize;
    }

    public void setFetchMaxSize(DataSize fetchMaxSize) {
        this.fetchMaxSize = fetchMaxSize;
    }

    public Duration getFetchMaxWait() {
        return fetchMaxWait;
    }

    public void setFetchMaxWait(Duration fetchMaxWait) {
        this.fetchMaxWait = fetchMaxWait;
    }

    public DataSize getMaxPartitionFetchSize() {
        return maxPartitionFetchSize;
    }

    public void setMaxPartitionFetchSize(DataSize maxPartitionFetchSize) {
        this.maxPartitionFetchSize = maxPartitionFetchSize;
    }

    public DataSize getMaxBufferedSize() {
        return maxBufferedSize;
    }

    public void setMaxBufferedSize(DataSize maxBufferedSize) {
        this.maxBufferedSize = maxBufferedSize;
    }

    public Duration getCommitInterval() {
        return commitInterval;
    }

    public void setCommitInterval(Duration commitInterval) {
        this.commitInterval = commitInterval;
    }

    public int getCommitThreshold() {
        return commitThreshold;
    }

    public void setCommitThreshold(int commitThreshold) {
        this.commitThreshold = commitThreshold;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public String getGroupInstanceId() {
        return groupInstanceId;
    }

    public void setGroupInstanceId(String groupInstanceId) {
        this.groupInstanceId = groupInstanceId;
    }

    public String getRack() {
        return rack;
    }

    public void setRack(String rack) {
        this.rack = rack;
    }

    /** Which records of transactional producers a consumer sees. */
    public enum IsolationLevel {
        /** Every record, including those of open and aborted transactions. */
        READ_UNCOMMITTED,
        /** Only records of committed transactions and of non-transactional producers. */
        READ_COMMITTED
    }
}
