package io.kafkaex.consumer;

import io.kafkaex.client.ConsumerGroupHeartbeatOptions;
import io.kafkaex.client.ConsumerGroupHeartbeatResult;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The broker calls a KIP-848 member ({@code group.protocol=consumer}) makes: a seam so its state machine can be tested
 * against a scripted coordinator. Failures are the client's typed exceptions. Thread-safe.
 */
interface ConsumerProtocolApi {

    CompletableFuture<ConsumerGroupHeartbeatResult> heartbeat(ConsumerGroupHeartbeatOptions options);

    /** The topic ids of those of {@code topics} that exist, fetched now. */
    CompletableFuture<Map<String, UUID>> topicIds(Collection<String> topics);
}
