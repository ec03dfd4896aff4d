package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.cluster.CoordinatorType;
import io.kafkaex.cluster.Node;
import io.kafkaex.network.BrokerConnectionException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.error.KafkaGroupMembershipException;
import io.kafkaex.protocol.error.RetriableKafkaErrorException;
import io.kafkaex.retry.Backoff;
import io.kafkaex.retry.RetryPolicy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The coordinator retry loop, without a broker: a scripted locator and a timer that records its delays. */
class CoordinatorCallsTest {

    private static final Node COORDINATOR = new Node(1, "broker-1", 9092, null);

    private final List<String> events = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    @Test
    void transientCoordinatorErrorsForgetTheCoordinatorBackOffAndRetry() {
        Deque<KafkaError> answers = new ArrayDeque<>(List.of(KafkaError.NOT_COORDINATOR,
                KafkaError.COORDINATOR_LOAD_IN_PROGRESS, KafkaError.COORDINATOR_NOT_AVAILABLE));
        CompletableFuture<String> result = calls(3).call("g", address -> {
            events.add("call " + address.getHostString());
            KafkaError next = answers.poll();
            return next == null ? CompletableFuture.completedFuture("done") : failed(next);
        });

        assertThat(result).isCompletedWithValue("done");
        assertThat(events).containsExactly("find g", "call broker-1", "forget g NOT_COORDINATOR", "find g", "call broker-1",
                "forget g COORDINATOR_LOAD_IN_PROGRESS", "find g", "call broker-1", "forget g COORDINATOR_NOT_AVAILABLE",
                "find g", "call broker-1");
        assertThat(delays).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
    }

    @Test
    void aLostConnectionCountsAsAnUnavailableCoordinator() {
        Deque<Boolean> fail = new ArrayDeque<>(List.of(true));
        CompletableFuture<String> result = calls(3).call("g", address -> fail.poll() != null
                ? CompletableFuture.failedFuture(new BrokerConnectionException(address, "connection reset", null))
                : CompletableFuture.completedFuture("done"));

        assertThat(result).isCompletedWithValue("done");
        assertThat(events).contains("forget g COORDINATOR_NOT_AVAILABLE");
    }

    @Test
    void membershipErrorsFailAtOnceWithTheirType() {
        CompletableFuture<String> result = calls(3).call("g", address -> failed(KafkaError.ILLEGAL_GENERATION));

        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(KafkaGroupMembershipException.class).hasMessageContaining("ILLEGAL_GENERATION");
        assertThat(events).containsExactly("find g");
        assertThat(delays).isEmpty();
    }

    @Test
    void theLastTransientErrorFailsTheCallOnceTheRetriesAreUsedUp() {
        CompletableFuture<Node> result = new CoordinatorCalls(new ScriptedLocator(KafkaError.COORDINATOR_NOT_AVAILABLE),
                retries(2)).coordinator(CoordinatorType.GROUP, "g");

        assertThatThrownBy(result::join).cause().isInstanceOf(RetriableKafkaErrorException.class)
                .hasMessageContaining("COORDINATOR_NOT_AVAILABLE");
        assertThat(events).containsExactly("find g", "forget g COORDINATOR_NOT_AVAILABLE", "find g",
                "forget g COORDINATOR_NOT_AVAILABLE", "find g");
    }

    @Test
    void nothingIsRetriedOnceTheClientIsClosed() {
        closed.set(true);
        CompletableFuture<String> result = calls(3).call("g", address -> failed(KafkaError.NOT_COORDINATOR));

        assertThatThrownBy(result::join).cause().hasMessageContaining("NOT_COORDINATOR");
        assertThat(delays).isEmpty();
    }

    private CoordinatorCalls calls(int maxRetries) {
        return new CoordinatorCalls(new ScriptedLocator(null), retries(maxRetries));
    }

    private Retries retries(int maxRetries) {
        RetryPolicy policy = RetryPolicy.forCommit().withMaxRetries(maxRetries)
                .withBackoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofSeconds(1)).withJitter(0));
        return new Retries(policy, delay -> {
            delays.add(delay);
            return CompletableFuture.completedFuture(null);
        }, closed::get);
    }

    private static <T> CompletableFuture<T> failed(KafkaError error) {
        return CompletableFuture.failedFuture(KafkaErrorExceptions.of(error, null));
    }

    /** Finds {@link #COORDINATOR}, or fails every lookup with {@code lookupError}; records what it is asked. */
    private final class ScriptedLocator implements CoordinatorCalls.Locator {

        private final KafkaError lookupError;

        ScriptedLocator(KafkaError lookupError) {
            this.lookupError = lookupError;
        }

        @Override
        public CompletableFuture<Node> find(CoordinatorType type, String key) {
            events.add("find " + key);
            return lookupError == null ? CompletableFuture.completedFuture(COORDINATOR) : failed(lookupError);
        }

        @Override
        public void invalidate(CoordinatorType type, String key, KafkaError error) {
            events.add("forget " + key + " " + error);
        }
    }
}
