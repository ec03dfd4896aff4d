package io.kafkaex.client;

import io.kafkaex.network.RequestSpec;
import io.kafkaex.protocol.error.KafkaError;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends the resources of a configuration call where they belong, one request per destination: resources about
 * one broker (BROKER and BROKER_LOGGER by id) to that broker, topics and the cluster-wide broker defaults to any
 * broker. Returns one outcome per resource, in the given order: a resource whose broker the metadata does not
 * list gets BROKER_NOT_AVAILABLE, the resources of a request that failed get that failure
 * ({@link RequestFailure}), and one the response left out gets UNKNOWN_SERVER_ERROR.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class ConfigRouting {

    private final BrokerRouter brokers;

    ConfigRouting(BrokerRouter brokers) {
        this.brokers = brokers;
    }

    /**
     * @param request  the request for a group of resources, whose parser answers per resource it mentions
     * @param failed   the outcome of a resource that got no answer
     * @param <R>      the outcome type
     */
    <R> CompletableFuture<List<R>> send(List<ConfigResource> resources,
            Function<List<ConfigResource>, RequestSpec<Map<ConfigResource, R>>> request,
            BiFunction<ConfigResource, RequestFailure, R> failed) {
        Map<OptionalInt, List<ConfigResource>> byBroker = resources.stream()
                .collect(Collectors.groupingBy(ConfigResource::brokerId, LinkedHashMap::new, Collectors.toList()));
        List<CompletableFuture<Map<ConfigResource, R>>> sent = byBroker.entrySet().stream()
                .map(group -> sendTo(group.getKey(), group.getValue(), request, failed)).toList();
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<ConfigResource, R> outcomes = new HashMap<>();
            sent.forEach(each -> outcomes.putAll(each.join()));
            return resources.stream().map(resource -> outcomes.containsKey(resource) ? outcomes.get(resource)
                    : failed.apply(resource, new RequestFailure(KafkaError.UNKNOWN_SERVER_ERROR,
                            "The broker's response did not mention " + resource))).toList();
        });
    }

    /** The requested resource a response entry answers, or empty when it answers none of them. */
    static Optional<ConfigResource> answered(List<ConfigResource> requested, byte type, String name) {
        return requested.stream().filter(resource -> resource.type().code() == type && resource.name().equals(name)).findFirst();
    }

    private <R> CompletableFuture<Map<ConfigResource, R>> sendTo(OptionalInt brokerId, List<ConfigResource> group,
            Function<List<ConfigResource>, RequestSpec<Map<ConfigResource, R>>> request,
            BiFunction<ConfigResource, RequestFailure, R> failed) {
        CompletableFuture<Optional<InetSocketAddress>> destination = brokerId.isPresent()
                ? brokers.broker(brokerId.getAsInt()) : brokers.anyBroker().thenApply(Optional::of);
        return destination.thenCompose(address -> address.isEmpty()
                ? CompletableFuture.completedFuture(all(group, failed, new RequestFailure(KafkaError.BROKER_NOT_AVAILABLE,
                        "The cluster metadata lists no broker with id " + brokerId.getAsInt())))
                : brokers.send(address.get(), request.apply(group))
                        .exceptionally(error -> all(group, failed, RequestFailure.of(error))));
    }

    private static <R> Map<ConfigResource, R> all(List<ConfigResource> group, BiFunction<ConfigResource, RequestFailure, R> failed,
            RequestFailure failure) {
        Map<ConfigResource, R> outcomes = new HashMap<>();
        group.forEach(resource -> outcomes.put(resource, failed.apply(resource, failure)));
        return outcomes;
    }
}
