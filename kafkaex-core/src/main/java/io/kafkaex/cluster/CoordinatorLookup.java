package io.kafkaex.cluster;

import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.FindCoordinatorRequest;
import io.kafkaex.protocol.message.FindCoordinatorResponse;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and caches the coordinator of a consumer group or transactional id with FindCoordinator, in the
 * request shape the negotiated version needs (one key before v4, a batch of keys from v4). A cached
 * coordinator is dropped when a coordinator request fails with NOT_COORDINATOR or
 * COORDINATOR_NOT_AVAILABLE ({@link #invalidate}), so the next lookup asks again.
 *
 * <p>Thread-safe: the cache is concurrent; lookups run on the network's event loop.
 */
public final class CoordinatorLookup {

    private final NetworkClient network;
    private final Duration requestTimeout;
    private final Map<Key, Node> cache = new ConcurrentHashMap<>();

    public CoordinatorLookup(NetworkClient network, Duration requestTimeout) {
        this.network = network;
        this.requestTimeout = requestTimeout;
    }

    /**
     * The coordinator of {@code key}, from the cache or by asking {@code broker}.
     *
     * @return fails with the broker's error as a typed {@code KafkaErrorException} (e.g. retriable
     *         COORDINATOR_NOT_AVAILABLE while the coordinator is loading)
     */
    public CompletableFuture<Node> coordinator(CoordinatorType type, String key, InetSocketAddress broker) {
        Key cacheKey = new Key(type, key);
        Node cached = cache.get(cacheKey);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return network.send(broker, TrafficClass.OTHER, new RequestSpec<>(ApiKey.FIND_COORDINATOR,
                version -> request(type, key, version), (reader, version) -> found(FindCoordinatorResponse.read(reader, version), key, version),
                requestTimeout)).thenApply(node -> {
                    cache.put(cacheKey, node);
                    return node;
                });
    }

    /** Forgets the cached coordinator of {@code key} after {@code error}, if that error means it moved. */
    public void invalidate(CoordinatorType type, String key, KafkaError error) {
        if (error == KafkaError.NOT_COORDINATOR || error == KafkaError.COORDINATOR_NOT_AVAILABLE) {
            cache.remove(new Key(type, key));
        }
    }

    static FindCoordinatorRequest request(CoordinatorType type, String key, short version) {
        FindCoordinatorRequest request = new FindCoordinatorRequest();
        if (version >= 1) {
            request.setKeyType(type.keyType());
        }
        return version >= 4 ? request.setCoordinatorKeys(List.of(key)) : request.setKey(key);
    }

    static Node found(FindCoordinatorResponse response, String key, short version) {
        if (version < 4) {
            return nodeOrError(response.errorCode(), response.errorMessage(), response.nodeId(), response.host(), response.port(), key);
        }
        FindCoordinatorResponse.Coordinator coordinator = response.coordinators().stream()
                .filter(c -> key.equals(c.key())).findFirst()
                .orElseThrow(() -> new ProtocolException("FindCoordinator answered without key " + key));
        return nodeOrError(coordinator.errorCode(), coordinator.errorMessage(), coordinator.nodeId(), coordinator.host(),
                coordinator.port(), key);
    }

    private static Node nodeOrError(short errorCode, String message, int nodeId, String host, int port, String key) {
        KafkaError error = KafkaError.forCode(errorCode);
        if (error != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(error, "coordinator of '" + key + "'" + (message == null ? "" : ": " + message));
        }
        return new Node(nodeId, host, port, null);
    }

    private record Key(CoordinatorType type, String key) {
    }
}
