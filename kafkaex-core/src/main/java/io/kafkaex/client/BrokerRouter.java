package io.kafkaex.client;

import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.cluster.Node;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Picks the broker a cluster-wide request goes to: any broker (the least loaded, see
 * {@link NetworkClient#leastLoadedFirst}), the controller the metadata names (else any broker), or one broker by
 * id; bootstraps first when the client has no metadata yet. Sends on the {@link TrafficClass#OTHER} connection.
 *
 * <p>Thread-safe; returned futures may complete on the network's event loop.
 */
final class BrokerRouter {

    private final NetworkClient network;
    private final MetadataManager metadata;

    BrokerRouter(NetworkClient network, MetadataManager metadata) {
        this.network = network;
        this.metadata = metadata;
    }

    /** The least-loaded broker of the current snapshot (ties broken at random). */
    CompletableFuture<InetSocketAddress> anyBroker() {
        return metadata.metadata().thenCompose(this::anyOf);
    }

    /** The controller the snapshot names (Metadata v1+), else any broker. */
    CompletableFuture<InetSocketAddress> controllerOrAnyBroker() {
        return metadata.metadata().thenCompose(snapshot -> snapshot.controller()
                .map(node -> CompletableFuture.completedFuture(node.socketAddress())).orElseGet(() -> anyOf(snapshot)));
    }

    /** The broker with this id, or empty when the snapshot does not list it. */
    CompletableFuture<Optional<InetSocketAddress>> broker(int id) {
        return metadata.metadata().thenApply(snapshot -> snapshot.node(id).map(Node::socketAddress));
    }

    <T> CompletableFuture<T> send(InetSocketAddress broker, RequestSpec<T> spec) {
        return network.send(broker, TrafficClass.OTHER, spec);
    }

    <T> CompletableFuture<T> sendToAnyBroker(RequestSpec<T> spec) {
        return anyBroker().thenCompose(broker -> send(broker, spec));
    }

    <T> CompletableFuture<T> sendToController(RequestSpec<T> spec) {
        return controllerOrAnyBroker().thenCompose(broker -> send(broker, spec));
    }

    private CompletableFuture<InetSocketAddress> anyOf(ClusterMetadata snapshot) {
        return network.leastLoadedFirst(snapshot.nodes().stream().map(Node::socketAddress).toList())
                .thenApply(ordered -> ordered.get(0));
    }
}
