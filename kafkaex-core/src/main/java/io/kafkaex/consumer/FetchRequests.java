package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.message.FetchRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Writes a {@link FetchSession.Plan} as a Fetch request at the version the connection negotiated: topics by id from
 * v13 (by name before), session id, epoch and forgotten partitions from v7 (before v7 every request is full), the
 * isolation level from v4. Stateless; any thread.
 */
final class FetchRequests {

    private FetchRequests() {
    }

    /** @param topicIds the id of every topic in the plan, for v13+ */
    static FetchRequest build(FetchSession.Plan plan, FetcherOptions options, Map<String, UUID> topicIds, short version) {
        boolean sessions = version >= 7;
        Map<TopicPartition, FetchSession.PartitionRequest> listed = sessions ? plan.listed() : plan.fetched();
        List<FetchRequest.FetchTopic> topics = byTopic(listed.keySet(), (topic, partitions) -> {
            FetchRequest.FetchTopic fetchTopic = new FetchRequest.FetchTopic().setPartitions(partitions.stream()
                    .map(partition -> new FetchRequest.FetchPartition().setPartition(partition.partition())
                            .setFetchOffset(listed.get(partition).fetchOffset())
                            .setPartitionMaxBytes(listed.get(partition).maxBytes()))
                    .toList());
            return version >= 13 ? fetchTopic.setTopicId(topicIds.get(topic)) : fetchTopic.setTopic(topic);
        });
        FetchRequest request = new FetchRequest().setMaxWaitMs((int) options.maxWait().toMillis())
                .setMinBytes(options.minBytes()).setMaxBytes(options.maxBytes())
                .setIsolationLevel(options.readCommitted() ? (byte) 1 : (byte) 0).setTopics(topics);
        if (sessions) {
            request.setSessionId(plan.sessionId()).setSessionEpoch(plan.epoch())
                    .setForgottenTopicsData(byTopic(plan.forgotten(), (topic, partitions) -> {
                        FetchRequest.ForgottenTopic forgotten = new FetchRequest.ForgottenTopic()
                                .setPartitions(partitions.stream().map(TopicPartition::partition).toList());
                        return version >= 13 ? forgotten.setTopicId(topicIds.get(topic)) : forgotten.setTopic(topic);
                    }));
        }
        return request;
    }

    private static <T> List<T> byTopic(Iterable<TopicPartition> partitions,
            BiFunction<String, List<TopicPartition>, T> topicEntry) {
        Map<String, List<TopicPartition>> grouped = new LinkedHashMap<>();
        partitions.forEach(partition -> grouped.computeIfAbsent(partition.topic(), topic -> new ArrayList<>()).add(partition));
        List<T> entries = new ArrayList<>();
        grouped.forEach((topic, ofTopic) -> entries.add(topicEntry.apply(topic, ofTopic)));
        return entries;
    }
}
