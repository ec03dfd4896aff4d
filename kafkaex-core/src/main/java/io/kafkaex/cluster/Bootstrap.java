package io.kafkaex.cluster;

import io.kafkaex.CompletionCauses;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Fetches the first cluster metadata from the bootstrap servers: resolves each name now, tries every
 * address in order until one answers a Metadata request, and fails with a {@link BootstrapException}
 * listing every attempt when none does. Also what re-bootstrap uses when no known broker answers.
 *
 * <p>Immutable; any thread may call it. Attempts run one after another on the network's event loop.
 */
public final class Bootstrap {

    private final NetworkClient network;
    private final List<BootstrapServer> servers;
    private final Duration attemptTimeout;
    private final LongSupplier clockMillis;

    public Bootstrap(NetworkClient network, List<BootstrapServer> servers, Duration attemptTimeout, LongSupplier clockMillis) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("No bootstrap servers given");
        }
        this.network = network;
        this.servers = List.copyOf(servers);
        this.attemptTimeout = attemptTimeout;
        this.clockMillis = clockMillis;
    }

    /** Metadata of {@code topics} (all topics when empty) from the first bootstrap address that answers. */
    public CompletableFuture<ClusterMetadata> fetch(List<String> topics) {
        List<String> attempts = new ArrayList<>();
        List<InetSocketAddress> candidates = new ArrayList<>();
        for (BootstrapServer server : servers) {
            try {
                candidates.addAll(server.resolve());
            } catch (UnknownHostException e) {
                attempts.add(server + ": host name does not resolve (" + e.getMessage() + ")");
            }
        }
        return tryNext(candidates.iterator(), topics, attempts, new ArrayList<>());
    }

    private CompletableFuture<ClusterMetadata> tryNext(Iterator<InetSocketAddress> candidates, List<String> topics,
            List<String> attempts, List<Throwable> failures) {
        if (!candidates.hasNext()) {
            return CompletableFuture.failedFuture(new BootstrapException(attempts, failures));
        }
        InetSocketAddress address = candidates.next();
        return network.send(address, TrafficClass.OTHER, metadataRequest(topics))
                .thenApply(answer -> ClusterMetadata.from(answer.response(), answer.version(), clockMillis.getAsLong()))
                .handle((metadata, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(metadata);
                    }
                    Throwable cause = CompletionCauses.unwrap(error);
                    attempts.add(address.getHostString() + ":" + address.getPort() + ": " + cause.getMessage());
                    failures.add(cause);
                    return tryNext(candidates, topics, attempts, failures);
                })
                .thenCompose(next -> next);
    }

    private RequestSpec<VersionedMetadata> metadataRequest(List<String> topics) {
        return new RequestSpec<>(ApiKey.METADATA, version -> {
            MetadataRequest request = new MetadataRequest();
            if (version >= 4) {
                request.setAllowAutoTopicCreation(false); // asking must not create (versions before 4 always may)
            }
            if (topics.isEmpty()) {
                return request.setTopics(version == 0 ? List.of() : null); // all topics: empty in v0, null after
            }
            return request.setTopics(topics.stream().map(name -> new MetadataRequest.MetadataRequestTopic().setName(name)).toList());
        }, (reader, version) -> new VersionedMetadata(MetadataResponse.read(reader, version), version), attemptTimeout);
    }

    /** A Metadata response with the version it was read at. */
    private record VersionedMetadata(MetadataResponse response, short version) {
    }
}
