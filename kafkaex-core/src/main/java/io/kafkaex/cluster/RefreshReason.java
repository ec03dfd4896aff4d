package io.kafkaex.cluster;

/**
 * Why the client wants fresh metadata before the periodic refresh is due.
 *
 * <p>Immutable and thread-safe.
 */
public enum RefreshReason {

    /** The client has no metadata yet. */
    BOOTSTRAP,

    /** A topic the client needs is missing from the snapshot or was reported as unknown. */
    UNKNOWN_TOPIC,

    /** A broker answered {@code NOT_LEADER_OR_FOLLOWER} (or another leadership error): the leader moved. */
    NOT_LEADER_OR_FOLLOWER,

    /** A response carried a leader epoch newer than the snapshot's, so the snapshot is behind. */
    NEWER_LEADER_EPOCH,

    /** A broker connection was lost, so the broker may be gone and its partitions led elsewhere. */
    DISCONNECT,

    /** The application asked for fresh metadata, or created or deleted topics. */
    REQUESTED
}
