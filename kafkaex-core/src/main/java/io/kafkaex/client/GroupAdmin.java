package io.kafkaex.client;

import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.cluster.Node;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.DeleteGroupsRequest;
import io.kafkaex.protocol.message.DeleteGroupsResponse;
import io.kafkaex.protocol.message.ListGroupsRequest;
import io.kafkaex.protocol.message.ListGroupsResponse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Group administration: ListGroups to every broker, merged (a broker lists the groups it coordinates), and
 * DeleteGroups, one request per coordinator ({@link GroupBatches}) with a result per group. A broker that
 * cannot list its groups fails the listing (after the retries its error allows), since a partial list would
 * look complete.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class GroupAdmin {

    private final NetworkClient network;
    private final MetadataManager metadata;
    private final Retries retries;
    private final GroupBatches batches;
    private final Duration requestTimeout;

    GroupAdmin(NetworkClient network, MetadataManager metadata, Retries retries, GroupBatches batches, Duration requestTimeout) {
        this.network = network;
        this.metadata = metadata;
        this.retries = retries;
        this.batches = batches;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<List<GroupListing>> listGroups() {
        return metadata.metadata().thenCompose(snapshot -> {
            List<CompletableFuture<List<GroupListing>>> perBroker = snapshot.nodes().stream().map(this::listGroups).toList();
            return CompletableFuture.allOf(perBroker.toArray(CompletableFuture[]::new)).thenApply(done -> {
                Map<String, GroupListing> merged = new LinkedHashMap<>();
                perBroker.forEach(listed -> listed.join().forEach(group -> merged.putIfAbsent(group.groupId(), group)));
                return List.copyOf(merged.values());
            });
        });
    }

    private CompletableFuture<List<GroupListing>> listGroups(Node broker) {
        return retries.run(() -> network.send(broker.socketAddress(), TrafficClass.OTHER,
                new RequestSpec<>(ApiKey.LIST_GROUPS, version -> new ListGroupsRequest(),
                        (reader, version) -> listings(ListGroupsResponse.read(reader, version), broker, version), requestTimeout)),
                error -> { });
    }

    static List<GroupListing> listings(ListGroupsResponse response, Node broker, short version) {
        KafkaError error = KafkaError.forCode(response.errorCode());
        if (error != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(error, "listing the groups of broker " + broker.id() + " (" + broker.address() + ")");
        }
        return response.groups().stream().map(group -> new GroupListing(group.groupId(), group.protocolType(),
                version >= 4 ? group.groupState() : null, version >= 5 ? group.groupType() : null)).toList();
    }

    CompletableFuture<List<GroupResult>> deleteGroups(List<String> groups) {
        return batches.run(List.copyOf(groups), batches.request(ApiKey.DELETE_GROUPS,
                onCoordinator -> new DeleteGroupsRequest().setGroupsNames(onCoordinator),
                (reader, version) -> deleted(DeleteGroupsResponse.read(reader, version))), GroupResult::error, GroupResult::new);
    }

    static Map<String, GroupResult> deleted(DeleteGroupsResponse response) {
        Map<String, GroupResult> results = new LinkedHashMap<>();
        response.results().forEach(result -> results.put(result.groupId(),
                new GroupResult(result.groupId(), KafkaError.forCode(result.errorCode()), result.errorMessage())));
        return results;
    }
}
