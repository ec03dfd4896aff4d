package io.kafkaex.client;

import io.kafkaex.CompletionCauses;
import io.kafkaex.cluster.CoordinatorType;
import io.kafkaex.cluster.Node;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolMessage;
import io.kafkaex.protocol.ProtocolReader;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.error.KafkaError;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs a call about several groups as one request per coordinator (DescribeGroups, DeleteGroups): looks up each
 * group's coordinator, sends each coordinator its groups, and asks again, after the retry policy's backoff, for
 * the groups that got a transient coordinator error (forgetting their coordinator first). A group whose lookup
 * or request failed with a Kafka error gets that error as its result; other failures fail the whole call.
 * Results come in the order the groups were asked for.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class GroupBatches {

    /** One request to one coordinator about {@code groups}, answering for each of them. */
    interface Batch<R> {
        CompletableFuture<Map<String, R>> send(InetSocketAddress coordinator, List<String> groups);
    }

    /** The result of a group for which the call failed. */
    interface Failure<R> {
        R of(String group, KafkaError error, String message);
    }

    private final CoordinatorCalls coordinators;
    private final NetworkClient network;
    private final Duration requestTimeout;

    GroupBatches(CoordinatorCalls coordinators, NetworkClient network, Duration requestTimeout) {
        this.coordinators = coordinators;
        this.network = network;
        this.requestTimeout = requestTimeout;
    }

    /** A batch that sends {@code api} with the body for a coordinator's groups and parses the answer per group. */
    <R> Batch<R> request(ApiKey api, Function<List<String>, ProtocolMessage> body,
            BiFunction<ProtocolReader, Short, Map<String, R>> parser) {
        return (coordinator, groups) -> network.send(coordinator, TrafficClass.OTHER,
                new RequestSpec<>(api, version -> body.apply(groups), parser, requestTimeout));
    }

    <R> CompletableFuture<List<R>> run(List<String> groups, Batch<R> batch, Function<R, KafkaError> errorOf, Failure<R> failure) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("Name at least one group");
        }
        List<String> distinct = groups.stream().distinct().toList();
        return attempt(distinct, new Call<>(batch, errorOf, failure), 1).thenApply(results -> groups.stream().map(group -> {
            R result = results.get(group);
            if (result == null) {
                throw new ProtocolException("The coordinator's response has no answer for group " + group);
            }
            return result;
        }).toList());
    }

    private <R> CompletableFuture<Map<String, R>> attempt(List<String> groups, Call<R> call, int attemptNumber) {
        Map<String, CompletableFuture<Node>> lookups = new LinkedHashMap<>();
        groups.forEach(group -> lookups.put(group, coordinators.findOnce(group)));
        return settled(lookups.values()).thenCompose(ignored -> {
            Map<String, R> results = new HashMap<>();
            Map<Node, List<String>> byCoordinator = new LinkedHashMap<>();
            lookups.forEach((group, lookup) -> lookup.handle((node, error) -> {
                if (error != null) {
                    results.put(group, call.failed(group, error));
                } else {
                    byCoordinator.computeIfAbsent(node, key -> new ArrayList<>()).add(group);
                }
                return null;
            }).join());
            List<CompletableFuture<Map<String, R>>> sends = new ArrayList<>();
            byCoordinator.forEach((node, onNode) -> sends.add(call.batch().send(node.socketAddress(), onNode)
                    .handle((answers, error) -> error == null ? answers : call.failedAll(onNode, error))));
            return settled(sends).thenCompose(done -> {
                sends.forEach(send -> results.putAll(send.join()));
                return retried(groups, results, call, attemptNumber);
            });
        });
    }

    /** {@code results}, with the groups that failed transiently asked again after a backoff. */
    private <R> CompletableFuture<Map<String, R>> retried(List<String> groups, Map<String, R> results, Call<R> call,
            int attemptNumber) {
        List<String> again = new ArrayList<>();
        Duration delay = Duration.ZERO;
        for (String group : groups) {
            R result = results.get(group);
            KafkaError error = result == null ? null : call.errorOf().apply(result);
            Optional<Duration> next = coordinators.retries().nextDelay(attemptNumber, error);
            if (next.isPresent()) {
                coordinators.forget(CoordinatorType.GROUP, group, error);
                again.add(group);
                delay = next.get().compareTo(delay) > 0 ? next.get() : delay;
            }
        }
        if (again.isEmpty()) {
            return CompletableFuture.completedFuture(results);
        }
        return coordinators.retries().after(delay).thenCompose(ignored -> attempt(again, call, attemptNumber + 1))
                .thenApply(retriedResults -> {
                    results.putAll(retriedResults);
                    return results;
                });
    }

    private static CompletableFuture<Void> settled(java.util.Collection<? extends CompletableFuture<?>> futures) {
        return CompletableFuture.allOf(futures.stream().map(future -> future.handle((value, error) -> null))
                .toArray(CompletableFuture[]::new));
    }

    private record Call<R>(Batch<R> batch, Function<R, KafkaError> errorOf, Failure<R> failure) {

        R failed(String group, Throwable error) {
            KafkaError kafkaError = RetriableFailures.errorOf(error);
            if (kafkaError == null) {
                throw new CompletionException(CompletionCauses.unwrap(error));
            }
            return failure.of(group, kafkaError, CompletionCauses.unwrap(error).getMessage());
        }

        Map<String, R> failedAll(List<String> groups, Throwable error) {
            Map<String, R> results = new HashMap<>();
            groups.forEach(group -> results.put(group, failed(group, error)));
            return results;
        }
    }
}
