package io.kafkaex.client;

import io.kafkaex.cluster.CoordinatorType;
import io.kafkaex.cluster.Node;
import io.kafkaex.protocol.error.KafkaError;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs a call against a group's coordinator: finds it (cached), runs the call, and when the lookup or the call
 * fails with a transient coordinator error (COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE,
 * NOT_COORDINATOR, or a timeout or lost connection), forgets the cached coordinator, backs off and tries again,
 * as its {@link Retries} allow. Other errors fail at once.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class CoordinatorCalls {

    /** Finds coordinators and forgets them; a seam for tests. */
    interface Locator {
        CompletableFuture<Node> find(CoordinatorType type, String key);

        void invalidate(CoordinatorType type, String key, KafkaError error);
    }

    private final Locator locator;
    private final Retries retries;

    CoordinatorCalls(Locator locator, Retries retries) {
        this.locator = locator;
        this.retries = retries;
    }

    /** A locator over the runtime's coordinator cache, shared with the producer's transactions. */
    static Locator locator(ClientRuntime runtime) {
        return new Locator() {
            @Override
            public CompletableFuture<Node> find(CoordinatorType type, String key) {
                return runtime.coordinator(type, key);
            }

            @Override
            public void invalidate(CoordinatorType type, String key, KafkaError error) {
                runtime.forgetCoordinator(type, key, error);
            }
        };
    }

    Retries retries() {
        return retries;
    }

    /** The coordinator of {@code key}, looked up again while the answer is a transient error. */
    CompletableFuture<Node> coordinator(CoordinatorType type, String key) {
        return retries.run(() -> locator.find(type, key), error -> forget(type, key, error));
    }

    /** {@code action} against the coordinator of {@code group}, retried as described above. */
    <T> CompletableFuture<T> call(String group, Function<InetSocketAddress, CompletableFuture<T>> action) {
        return retries.run(() -> locator.find(CoordinatorType.GROUP, group).thenCompose(node -> action.apply(node.socketAddress())),
                error -> forget(CoordinatorType.GROUP, group, error));
    }

    /** The coordinator of {@code group} from the cache or a single lookup, without retries. */
    CompletableFuture<Node> findOnce(String group) {
        return locator.find(CoordinatorType.GROUP, group);
    }

    /**
     * Forgets the coordinator after an error that says it moved; a coordinator that cannot be reached counts as
     * unavailable, so the next attempt asks again.
     */
    void forget(CoordinatorType type, String key, KafkaError error) {
        locator.invalidate(type, key, unreachableAsUnavailable(error));
    }

    /** A lost connection or a timeout means the coordinator could not be reached: as good as unavailable. */
    static KafkaError unreachableAsUnavailable(KafkaError error) {
        return error == KafkaError.NETWORK_EXCEPTION || error == KafkaError.REQUEST_TIMED_OUT
                ? KafkaError.COORDINATOR_NOT_AVAILABLE : error;
    }
}
