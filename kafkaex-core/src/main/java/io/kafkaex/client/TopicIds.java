package io.kafkaex.client;

import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.cluster.TopicInfo;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A topic's id for the request versions that name topics by id (OffsetCommit/OffsetFetch v10+): from the
 * metadata snapshot, or after fetching the topic's metadata when the snapshot lacks it;
 * {@link TopicInfo#NO_TOPIC_ID} for a topic the cluster does not know (the broker then answers UNKNOWN_TOPIC_ID).
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class TopicIds {

    private final MetadataManager metadata;

    TopicIds(MetadataManager metadata) {
        this.metadata = metadata;
    }

    CompletableFuture<UUID> of(String topic) {
        ClusterMetadata known = metadata.current();
        if (known != null && known.topic(topic).filter(TopicInfo::hasTopicId).isPresent()) {
            return CompletableFuture.completedFuture(known.topic(topic).get().topicId());
        }
        return metadata.fetchTopics(List.of(topic))
                .thenApply(snapshot -> snapshot.topic(topic).map(TopicInfo::topicId).orElse(TopicInfo.NO_TOPIC_ID));
    }
}
