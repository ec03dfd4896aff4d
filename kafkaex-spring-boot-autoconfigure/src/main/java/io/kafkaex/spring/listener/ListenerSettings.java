package io.kafkaex.spring.listener;

/**
 * What the adapter of a listener needs to know about it, resolved from the annotation and the properties. Immutable.
 *
 * @param listenerId the listener's id
 * @param groupId its consumer group
 * @param batch whether it takes whole batches
 * @param commitMode when offsets are committed
 * @param replyTopic the {@code @SendTo} topic, or {@code null}
 */
record ListenerSettings(String listenerId, String groupId, boolean batch, CommitMode commitMode, String replyTopic) {
}
