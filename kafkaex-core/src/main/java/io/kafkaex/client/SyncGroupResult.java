package io.kafkaex.client;

import java.nio.ByteBuffer;

/**
 * This member's assignment from SyncGroup (kafka_ex's {@code SyncGroup}): the raw payload and, for the
 * "consumer" protocol type, the payload decoded ({@code null} for other protocol types). An empty payload is an
 * empty assignment; a non-empty one is always decoded, never silently dropped (kafka_ex bug: SyncGroup v4
 * assignments became empty). Immutable; any thread.
 */
public record SyncGroupResult(ByteBuffer rawAssignment, MemberAssignment assignment) {

    public SyncGroupResult {
        rawAssignment = rawAssignment.asReadOnlyBuffer();
    }
}
