package io.kafkaex.consumer;

/**
 * Who a member is in one generation of its group: what its offset commits carry so the coordinator can fence
 * commits of a member that has been replaced. Immutable.
 *
 * @param generationId the generation (classic protocol) or member epoch (KIP-848)
 * @param memberId the member id the coordinator gave
 * @param groupInstanceId the static instance id, or {@code null}
 */
record Generation(int generationId, String memberId, String groupInstanceId) {

    /** Before the first join. */
    static Generation none(String groupInstanceId) {
        return new Generation(-1, "", groupInstanceId);
    }
}
