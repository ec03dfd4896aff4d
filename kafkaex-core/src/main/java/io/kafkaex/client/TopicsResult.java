package io.kafkaex.client;

import java.util.List;

/** The per-topic outcomes of a CreateTopics or DeleteTopics request, in response order. Immutable. */
public record TopicsResult(List<TopicResult> topics) {

    public TopicsResult {
        topics = List.copyOf(topics);
    }

    /** Whether every topic succeeded (kafka_ex's {@code success?/1}). */
    public boolean isSuccess() {
        return topics.stream().allMatch(TopicResult::isSuccess);
    }

    /** The topics that failed (kafka_ex's {@code failed_topics/1}). */
    public List<TopicResult> failedTopics() {
        return topics.stream().filter(topic -> !topic.isSuccess()).toList();
    }
}
