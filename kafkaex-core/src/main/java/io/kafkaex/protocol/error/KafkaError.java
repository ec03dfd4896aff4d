package io.kafkaex.protocol.error;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every error code of the Kafka protocol, as data: the code a broker puts in a response, Kafka's name
 * for it, whether the same request may succeed when sent again (possibly after refreshing metadata or
 * finding the coordinator again), and a short message of our own that says what happened and, where
 * possible, what to do.
 *
 * <p>The codes, names and retriable flags follow Apache Kafka 4.4.0 exactly. A broker newer than that may
 * send a code this enum does not know: {@link #find(short)} then returns empty and {@link #forCode(short)}
 * answers {@link #UNKNOWN_SERVER_ERROR}. Turn an error into an exception with
 * {@link KafkaErrorExceptions#of(KafkaError, String, int, String)}.
 *
 * <p>Immutable and thread-safe.
 */
public enum KafkaError {

    UNKNOWN_SERVER_ERROR(-1, false, "The broker failed in an unexpected way; its server log has the cause."),
    NONE(0, false, "No error."),
    OFFSET_OUT_OF_RANGE(1, false,
            "The requested offset lies outside the partition's log; reset the position (auto.offset.reset)."),
    CORRUPT_MESSAGE(2, true, "A record failed its CRC check or is malformed; resend it."),
    UNKNOWN_TOPIC_OR_PARTITION(3, true,
            "The broker does not host this topic-partition; check the topic exists, or wait for metadata to settle."),
    INVALID_FETCH_SIZE(4, false, "The fetch asked for a byte limit the broker refuses."),
    LEADER_NOT_AVAILABLE(5, true, "The partition has no leader right now, e.g. during an election; retry shortly."),
    NOT_LEADER_OR_FOLLOWER(6, true,
            "The broker is not the partition's leader (or not a replica of it); refresh metadata and retry."),
    REQUEST_TIMED_OUT(7, true, "The broker gave up on the request before it completed; retry."),
    BROKER_NOT_AVAILABLE(8, false, "The broker addressed is not up."),
    REPLICA_NOT_AVAILABLE(9, true, "A replica of the partition is not on the broker addressed; retry."),
    MESSAGE_TOO_LARGE(10, false,
            "A record batch exceeds the size limit of the broker or topic (message.max.bytes / max.message.bytes)."),
    STALE_CONTROLLER_EPOCH(11, false, "The request came from a controller that has since been replaced."),
    OFFSET_METADATA_TOO_LARGE(12, false, "The metadata string attached to a committed offset is too long."),
    NETWORK_EXCEPTION(13, true, "The connection to a broker broke while the request was in flight; retry."),
    COORDINATOR_LOAD_IN_PROGRESS(14, true, "The coordinator is still loading its state; retry shortly."),
    COORDINATOR_NOT_AVAILABLE(15, true,
            "The group or transaction coordinator is down or moving; find it again and retry."),
    NOT_COORDINATOR(16, true, "The broker addressed is not the coordinator; look the coordinator up again."),
    INVALID_TOPIC_EXCEPTION(17, false,
            "The topic name is illegal or the topic is internal and cannot be used this way."),
    RECORD_LIST_TOO_LARGE(18, false, "The batch of records exceeds the segment size configured for the topic."),
    NOT_ENOUGH_REPLICAS(19, true,
            "Fewer in-sync replicas than min.insync.replicas; the write was refused and can be retried."),
    NOT_ENOUGH_REPLICAS_AFTER_APPEND(20, true,
            "The write reached the log but too few replicas were in sync to acknowledge it; retry."),
    INVALID_REQUIRED_ACKS(21, false, "The acks value is not one of -1 (all), 0 or 1."),
    ILLEGAL_GENERATION(22, false,
            "The member used an outdated group generation; the group rebalanced, so rejoin."),
    INCONSISTENT_GROUP_PROTOCOL(23, false,
            "The member's protocol type or assignors share nothing with the other members of the group."),
    INVALID_GROUP_ID(24, false, "The group id is empty or otherwise not allowed."),
    UNKNOWN_MEMBER_ID(25, false, "The coordinator does not know this member id; rejoin the group with a fresh one."),
    INVALID_SESSION_TIMEOUT(26, false,
            "The session timeout is outside the broker's group.min/max.session.timeout.ms range."),
    REBALANCE_IN_PROGRESS(27, false, "A rebalance is under way; rejoin the group, then commit again."),
    INVALID_COMMIT_OFFSET_SIZE(28, false, "The offset commit request is larger than the broker accepts."),
    TOPIC_AUTHORIZATION_FAILED(29, false,
            "The principal lacks ACLs for this operation on the topic; grant them or use another principal."),
    GROUP_AUTHORIZATION_FAILED(30, false,
            "The principal lacks ACLs for this operation on the consumer group; grant them."),
    CLUSTER_AUTHORIZATION_FAILED(31, false,
            "The principal lacks ACLs for this operation on the cluster resource; grant them."),
    INVALID_TIMESTAMP(32, false,
            "A record timestamp is outside the range the topic accepts (message.timestamp.*.max.ms)."),
    UNSUPPORTED_SASL_MECHANISM(33, false,
            "The broker does not enable the SASL mechanism configured; pick one its listener offers."),
    ILLEGAL_SASL_STATE(34, false, "A SASL request arrived out of order during the authentication handshake."),
    UNSUPPORTED_VERSION(35, false, "The broker does not support the version of this request; it may be too old."),
    TOPIC_ALREADY_EXISTS(36, false, "The topic name is taken; use the existing topic or pick another name."),
    INVALID_PARTITIONS(37, false, "The partition count is invalid, e.g. zero or fewer than the topic has."),
    INVALID_REPLICATION_FACTOR(38, false,
            "Choose a replication factor from 1 up to the count of brokers alive in the cluster."),
    INVALID_REPLICA_ASSIGNMENT(39, false, "The explicit replica assignment is inconsistent or names unknown brokers."),
    INVALID_CONFIG(40, false, "A configuration entry has an unknown name or an illegal value."),
    NOT_CONTROLLER(41, true, "The broker addressed is not the active controller; retry against the new one."),
    INVALID_REQUEST(42, false,
            "The broker rejected the request as malformed or inconsistent; this points to a client bug."),
    UNSUPPORTED_FOR_MESSAGE_FORMAT(43, false,
            "The operation needs a newer record format than the topic stores."),
    POLICY_VIOLATION(44, false, "A create/alter policy configured on the broker rejected the request."),
    OUT_OF_ORDER_SEQUENCE_NUMBER(45, false,
            "The broker saw a gap in the idempotent producer's sequence numbers; records may be lost."),
    DUPLICATE_SEQUENCE_NUMBER(46, false, "The idempotent producer sent a sequence number the broker already has."),
    INVALID_PRODUCER_EPOCH(47, false,
            "The producer's epoch is outdated, e.g. bumped after a transaction timeout; abort the transaction."),
    INVALID_TXN_STATE(48, false, "The transactional operation is not allowed in the transaction's current state."),
    INVALID_PRODUCER_ID_MAPPING(49, false,
            "The transactional id has no current producer id, e.g. it expired; initialize transactions again."),
    INVALID_TRANSACTION_TIMEOUT(50, false,
            "transaction.timeout.ms exceeds the broker's transaction.max.timeout.ms."),
    CONCURRENT_TRANSACTIONS(51, true,
            "The previous transaction of this producer is still being completed; retry shortly."),
    TRANSACTION_COORDINATOR_FENCED(52, false,
            "The transaction coordinator was replaced by a newer one during the request."),
    TRANSACTIONAL_ID_AUTHORIZATION_FAILED(53, false,
            "The principal lacks ACLs on the transactional id; grant them."),
    SECURITY_DISABLED(54, false, "The broker has security features turned off, so this request is unavailable."),
    OPERATION_NOT_ATTEMPTED(55, false,
            "The broker skipped this part of the request because another part of it failed."),
    KAFKA_STORAGE_ERROR(56, true,
            "A log directory on the broker is offline or failing; retry against another replica."),
    LOG_DIR_NOT_FOUND(57, false, "The log directory named in the request does not exist on the broker."),
    SASL_AUTHENTICATION_FAILED(58, false,
            "SASL authentication failed; check the username, password or token of the JAAS configuration."),
    UNKNOWN_PRODUCER_ID(59, false,
            "The broker no longer has state for this producer id, e.g. its records were deleted by retention."),
    REASSIGNMENT_IN_PROGRESS(60, false,
            "Partitions of this topic are moving between brokers; wait until the move ends."),
    DELEGATION_TOKEN_AUTH_DISABLED(61, false,
            "The broker has no delegation.token.secret.key configured, so tokens cannot be used."),
    DELEGATION_TOKEN_NOT_FOUND(62, false, "No delegation token matches the one given."),
    DELEGATION_TOKEN_OWNER_MISMATCH(63, false, "The principal is neither owner nor renewer of the delegation token."),
    DELEGATION_TOKEN_REQUEST_NOT_ALLOWED(64, false,
            "Delegation token requests need an authenticated SASL or TLS connection, not one using a token."),
    DELEGATION_TOKEN_AUTHORIZATION_FAILED(65, false,
            "The principal lacks ACLs for this delegation token operation."),
    DELEGATION_TOKEN_EXPIRED(66, false, "The delegation token has expired; create a new one."),
    INVALID_PRINCIPAL_TYPE(67, false, "The principal type given is not one the broker accepts."),
    NON_EMPTY_GROUP(68, false, "The group still has members; stop them before deleting the group."),
    GROUP_ID_NOT_FOUND(69, false, "No group with this id exists."),
    FETCH_SESSION_ID_NOT_FOUND(70, true, "The broker dropped the fetch session; start a new one."),
    INVALID_FETCH_SESSION_EPOCH(71, true,
            "The fetch session epoch is out of step with the broker; start a new session."),
    LISTENER_NOT_FOUND(72, true,
            "The leader has no endpoint for the listener used; check listeners on all brokers, or wait for metadata."),
    TOPIC_DELETION_DISABLED(73, false, "The broker has delete.topic.enable=false."),
    FENCED_LEADER_EPOCH(74, true, "Our leader epoch is older than the broker's; refresh metadata and retry."),
    UNKNOWN_LEADER_EPOCH(75, true, "Our leader epoch is newer than the broker knows; it is catching up, retry."),
    UNSUPPORTED_COMPRESSION_TYPE(76, false,
            "The broker cannot serve the records with the compression codec used for this fetch version."),
    STALE_BROKER_EPOCH(77, false, "The broker epoch in the request is older than the current one."),
    OFFSET_NOT_AVAILABLE(78, true,
            "The leader cannot answer the offset query yet, e.g. its high watermark is behind; retry."),
    MEMBER_ID_REQUIRED(79, false,
            "The coordinator assigned a member id; rejoin the group using the id from the response."),
    PREFERRED_LEADER_NOT_AVAILABLE(80, true, "The preferred replica cannot become leader right now."),
    GROUP_MAX_SIZE_REACHED(81, false, "The group already has group.max.size members."),
    FENCED_INSTANCE_ID(82, false,
            "Another member joined with the same group.instance.id and replaced this one; make ids unique."),
    ELIGIBLE_LEADERS_NOT_AVAILABLE(83, true, "No replica eligible for the requested leader election is available."),
    ELECTION_NOT_NEEDED(84, true, "The requested leader is already leader; nothing to elect."),
    NO_REASSIGNMENT_IN_PROGRESS(85, false, "There is no partition reassignment to cancel."),
    GROUP_SUBSCRIBED_TO_TOPIC(86, false,
            "The group still subscribes to the topic, so its offsets for the topic cannot be deleted."),
    INVALID_RECORD(87, false, "The broker refused a record, e.g. a missing key on a compacted topic."),
    UNSTABLE_OFFSET_COMMIT(88, true, "A transactional offset commit for the partition is still pending; retry."),
    THROTTLING_QUOTA_EXCEEDED(89, true, "The principal exceeded its topic mutation rate quota; retry later."),
    PRODUCER_FENCED(90, false,
            "Another producer with the same transactional.id has started; close this producer."),
    RESOURCE_NOT_FOUND(91, false, "The resource named in the request does not exist."),
    DUPLICATE_RESOURCE(92, false, "The request names the same resource more than once."),
    UNACCEPTABLE_CREDENTIAL(93, false, "The SCRAM credential does not meet the broker's requirements."),
    INCONSISTENT_VOTER_SET(94, false, "The KRaft voter set of the request disagrees with the receiver's."),
    INVALID_UPDATE_VERSION(95, false, "The feature update names an invalid version level."),
    FEATURE_UPDATE_FAILED(96, false, "The controller could not apply the feature update."),
    PRINCIPAL_DESERIALIZATION_FAILURE(97, false,
            "The forwarded request's principal could not be deserialized by the controller."),
    SNAPSHOT_NOT_FOUND(98, false, "The KRaft snapshot asked for does not exist."),
    POSITION_OUT_OF_RANGE(99, false, "The position asked for lies outside the KRaft snapshot."),
    UNKNOWN_TOPIC_ID(100, true,
            "The broker does not know this topic id; refresh metadata, the topic may be new or gone."),
    DUPLICATE_BROKER_REGISTRATION(101, false, "A broker with this id is already registered with the controller."),
    BROKER_ID_NOT_REGISTERED(102, false, "No broker with this id is registered with the controller."),
    INCONSISTENT_TOPIC_ID(103, true,
            "The topic id does not match the broker's for this name; the topic was probably recreated, retry."),
    INCONSISTENT_CLUSTER_ID(104, false, "The request's cluster id differs from the receiver's."),
    TRANSACTIONAL_ID_NOT_FOUND(105, false, "No transaction exists for this transactional id."),
    FETCH_SESSION_TOPIC_ID_ERROR(106, true,
            "A topic id in the fetch session changed or is missing; start a new fetch session."),
    INELIGIBLE_REPLICA(107, false, "The replica proposed for the ISR is not eligible to join it."),
    NEW_LEADER_ELECTED(108, false, "A new leader was elected while the ISR change was pending."),
    OFFSET_MOVED_TO_TIERED_STORAGE(109, false, "The offset now lives only in tiered (remote) storage."),
    FENCED_MEMBER_EPOCH(110, false,
            "The coordinator fenced this member's epoch; rejoin the group with epoch 0."),
    UNRELEASED_INSTANCE_ID(111, false,
            "The group.instance.id is still held by another member; wait until it leaves or times out."),
    UNSUPPORTED_ASSIGNOR(112, false, "The coordinator does not support the server-side assignor named."),
    STALE_MEMBER_EPOCH(113, false,
            "The member's epoch is behind the coordinator's; the commit is refused, wait for the next heartbeat."),
    MISMATCHED_ENDPOINT_TYPE(114, false, "The request was sent to the wrong kind of endpoint (broker vs controller)."),
    UNSUPPORTED_ENDPOINT_TYPE(115, false, "This endpoint type cannot serve the request."),
    UNKNOWN_CONTROLLER_ID(116, false, "The controller id in the request matches no controller the receiver knows."),
    UNKNOWN_SUBSCRIPTION_ID(117, false,
            "The broker does not know the client telemetry subscription id; fetch the subscriptions again."),
    TELEMETRY_TOO_LARGE(118, false, "The pushed client telemetry exceeds the broker's size limit."),
    INVALID_REGISTRATION(119, false, "A broker tried to register with data the KRaft controller rejects."),
    TRANSACTION_ABORTABLE(120, false,
            "The transaction hit an error it cannot commit through; abort it and start a new one."),
    INVALID_RECORD_STATE(121, false,
            "The share-group record is not in a state that allows this acknowledgement."),
    SHARE_SESSION_NOT_FOUND(122, true, "The broker dropped the share session; start a new one."),
    INVALID_SHARE_SESSION_EPOCH(123, true,
            "The share session epoch is out of step with the broker; start a new session."),
    FENCED_STATE_EPOCH(124, false, "The share-group state epoch is older than the stored one."),
    INVALID_VOTER_KEY(125, false, "The KRaft voter's directory id does not match the one expected."),
    DUPLICATE_VOTER(126, false, "The KRaft voter is in the voter set already."),
    VOTER_NOT_FOUND(127, false, "The KRaft voter set has no entry for this replica."),
    INVALID_REGULAR_EXPRESSION(128, false, "The subscription's regular expression cannot be compiled by the broker."),
    REBOOTSTRAP_REQUIRED(129, false,
            "The client's view of the cluster is unusable; rebuild it from the bootstrap servers."),
    STREAMS_INVALID_TOPOLOGY(130, false, "The Kafka Streams topology sent to the coordinator is invalid."),
    STREAMS_INVALID_TOPOLOGY_EPOCH(131, false,
            "The Kafka Streams topology epoch changed but the topology itself did not, or vice versa."),
    STREAMS_TOPOLOGY_FENCED(132, false,
            "The Kafka Streams member's topology epoch is older than the group's; update the application."),
    SHARE_SESSION_LIMIT_REACHED(133, true, "The broker holds as many share sessions as it allows; retry later."),
    GROUP_DELETION_FAILED(134, false, "The group could not be deleted; see the broker message for the reason."),
    STREAMS_TOPOLOGY_DESCRIPTION_UPDATE_FAILED(135, false,
            "The Kafka Streams topology description could not be stored by the coordinator."),
    CONTROLLER_ID_NOT_REGISTERED(136, false, "The KRaft quorum has no registration for the controller id given.");

    private static final int LOWEST_CODE = -1;
    private static final KafkaError[] BY_CODE = indexByCode();

    private final short code;
    private final boolean retriable;
    private final String message;

    KafkaError(int code, boolean retriable, String message) {
        this.code = (short) code;
        this.retriable = retriable;
        this.message = message;
    }

    /** The error for a code, or empty when this enum does not know it. O(1). */
    public static Optional<KafkaError> find(short code) {
        int index = code - LOWEST_CODE;
        return index >= 0 && index < BY_CODE.length ? Optional.ofNullable(BY_CODE[index]) : Optional.empty();
    }

    /**
     * The error for a code; a code this enum does not know (say, from a newer broker) maps to
     * {@link #UNKNOWN_SERVER_ERROR}, as the broker itself reports failures it cannot classify. O(1).
     */
    public static KafkaError forCode(short code) {
        return find(code).orElse(UNKNOWN_SERVER_ERROR);
    }

    /** The code on the wire. */
    public short code() {
        return code;
    }

    /**
     * Whether sending the same request again may succeed, possibly after refreshing metadata or looking
     * up the coordinator again. Follows Kafka's own classification.
     */
    public boolean isRetriable() {
        return retriable;
    }

    /** What the error means and, where possible, what to do about it. */
    public String message() {
        return message;
    }

    /** False only for {@link #NONE}. */
    public boolean isError() {
        return this != NONE;
    }

    private static KafkaError[] indexByCode() {
        int highestCode = Arrays.stream(values()).mapToInt(KafkaError::code).max().orElseThrow();
        KafkaError[] byCode = new KafkaError[highestCode - LOWEST_CODE + 1];
        for (KafkaError error : values()) {
            byCode[error.code - LOWEST_CODE] = error;
        }
        return byCode;
    }
}
