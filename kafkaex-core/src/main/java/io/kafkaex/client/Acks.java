package io.kafkaex.client;

/**
 * How many replicas must have a produced batch before the broker answers. {@link #ALL} is the default, as in
 * the Java producer since Kafka 3.0 (kafka_ex's documentation said 1 while it sent -1; here the documented
 * value is the one sent).
 */
public enum Acks {

    /** No answer at all: the future completes when the request is written; offsets are unknown (-1). */
    NONE((short) 0),
    /** The partition leader has written it. */
    LEADER((short) 1),
    /** Every in-sync replica has it (min.insync.replicas applies). */
    ALL((short) -1);

    private final short wireValue;

    Acks(short wireValue) {
        this.wireValue = wireValue;
    }

    /** The {@code acks} value of the Produce request. */
    public short wireValue() {
        return wireValue;
    }
}
