package io.kafkaex.spring.listener;

/** Where a listener container is in its life. */
public enum ContainerState {
    /** Not started yet, or stopped. */
    STOPPED,
    /** Started; its members are joining the group or rebalancing, so some partitions may be unassigned. */
    STARTING,
    /** Every member of the container is stable in its group and holds its assignment. */
    RUNNING,
    /**
     * A member failed for good (authentication refused, fenced by another member with its instance id, a fatal
     * protocol error): the container processes nothing more until restarted.
     */
    FAILED
}
