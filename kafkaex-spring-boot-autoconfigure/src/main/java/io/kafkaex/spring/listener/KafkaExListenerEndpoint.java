package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code @KafkaExListener} with every attribute resolved (placeholders, SpEL, defaults from the properties): what a
 * {@link KafkaExListenerContainerFactory} makes a container of. Immutable.
 *
 * @param id the unique listener id
 * @param groupId the consumer group
 * @param topics the subscribed topics (empty with a pattern or fixed partitions)
 * @param topicPattern the topics to match, or {@code null}
 * @param assignment fixed partitions with their initial offsets (or
 *     {@link io.kafkaex.consumer.ConsumerGroupOptions#COMMITTED_OFFSET}); empty to be assigned by the group
 * @param concurrency the number of group members, at least 1
 * @param autoStartup whether it starts with the context
 * @param batch whether the method takes whole batches
 * @param commitMode when offsets are committed
 * @param errorHandler the error handler's bean name, or {@code null} for the default
 * @param properties per-listener overrides ({@code commit-interval=10s}, ...)
 * @param replyTopic the {@code @SendTo} topic, or {@code null}
 * @param invoker calls the listener method(s)
 */
public record KafkaExListenerEndpoint(String id, String groupId, List<String> topics, Pattern topicPattern,
        Map<TopicPartition, Long> assignment, int concurrency, boolean autoStartup, boolean batch, CommitMode commitMode,
        String errorHandler, Map<String, String> properties, String replyTopic, ListenerInvoker invoker) {

    public KafkaExListenerEndpoint {
        topics = List.copyOf(topics);
        assignment = Map.copyOf(assignment);
        properties = Map.copyOf(properties);
        int sources = (topics.isEmpty() ? 0 : 1) + (topicPattern == null ? 0 : 1) + (assignment.isEmpty() ? 0 : 1);
        if (sources != 1) {
            throw new IllegalStateException("@KafkaExListener '" + id + "' must set exactly one of topics, topicPattern "
                    + "and topicPartitions");
        }
        if (concurrency < 1) {
            throw new IllegalStateException("@KafkaExListener '" + id + "' has concurrency " + concurrency
                    + "; it must be at least 1");
        }
    }

    /**
     * The topics the members subscribe to: {@link #topics()}, or the topics of the fixed partitions; empty for a
     * pattern, which is resolved when the container starts.
     */
    public List<String> subscribedTopics() {
        return assignment.isEmpty() ? topics
                : assignment.keySet().stream().map(TopicPartition::topic).distinct().sorted().toList();
    }
}
