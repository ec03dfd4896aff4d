package io.kafkaex.spring.listener;

/**
 * The settings a {@code @KafkaExListener} gets when its annotation leaves them empty ({@code kafkaex.consumer.group-id}
 * and {@code kafkaex.listener.*}). Immutable.
 *
 * @param groupId the group of listeners without groupId, or {@code null} to use the listener id
 * @param concurrency members per container
 * @param autoStartup whether containers start with the context
 * @param commitMode when offsets are committed
 */
public record KafkaExListenerDefaults(String groupId, int concurrency, boolean autoStartup, CommitMode commitMode) {
}
