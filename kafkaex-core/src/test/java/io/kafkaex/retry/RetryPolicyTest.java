package io.kafkaex.retry;

import static io.kafkaex.protocol.error.KafkaError.COORDINATOR_LOAD_IN_PROGRESS;
import static io.kafkaex.protocol.error.KafkaError.COORDINATOR_NOT_AVAILABLE;
import static io.kafkaex.protocol.error.KafkaError.FENCED_LEADER_EPOCH;
import static io.kafkaex.protocol.error.KafkaError.KAFKA_STORAGE_ERROR;
import static io.kafkaex.protocol.error.KafkaError.LEADER_NOT_AVAILABLE;
import static io.kafkaex.protocol.error.KafkaError.NETWORK_EXCEPTION;
import static io.kafkaex.protocol.error.KafkaError.NOT_COORDINATOR;
import static io.kafkaex.protocol.error.KafkaError.NOT_ENOUGH_REPLICAS;
import static io.kafkaex.protocol.error.KafkaError.NOT_ENOUGH_REPLICAS_AFTER_APPEND;
import static io.kafkaex.protocol.error.KafkaError.NOT_LEADER_OR_FOLLOWER;
import static io.kafkaex.protocol.error.KafkaError.REQUEST_TIMED_OUT;
import static io.kafkaex.protocol.error.KafkaError.UNKNOWN_LEADER_EPOCH;
import static io.kafkaex.protocol.error.KafkaError.UNKNOWN_TOPIC_OR_PARTITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.error.KafkaError;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Backoff EXACT = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1))
            .withJitter(0.0);

    private final RetryPolicy policy = RetryPolicy.of(3, EXACT, Set.of(REQUEST_TIMED_OUT));

    @Test
    void zeroRetriesMeansExactlyOneAttempt() {
        RetryPolicy once = policy.withMaxRetries(0);
        assertThat(once.maxAttempts()).isEqualTo(1);
        assertThat(once.nextDelay(1, REQUEST_TIMED_OUT)).isEmpty();
    }

    @Test
    void retriesUpToMaxRetriesAfterTheFirstAttemptWithGrowingDelays() {
        assertThat(policy.maxRetries()).isEqualTo(3);
        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.nextDelay(1, REQUEST_TIMED_OUT)).contains(Duration.ofMillis(100));
        assertThat(policy.nextDelay(2, REQUEST_TIMED_OUT)).contains(Duration.ofMillis(200));
        assertThat(policy.nextDelay(3, REQUEST_TIMED_OUT)).contains(Duration.ofMillis(400));
        assertThat(policy.nextDelay(4, REQUEST_TIMED_OUT)).isEmpty();
    }

    @Test
    void givesUpAtOnceOnAnErrorTheOperationMustNotRetry() {
        assertThat(policy.nextDelay(1, KafkaError.TOPIC_AUTHORIZATION_FAILED)).isEmpty();
        assertThat(policy.nextDelay(1, NOT_LEADER_OR_FOLLOWER)).isEmpty();
        assertThat(RetryPolicy.of(5, EXACT, Set.of()).nextDelay(1, REQUEST_TIMED_OUT)).isEmpty();
    }

    @Test
    void usesTheConfiguredBackoff() {
        RetryPolicy slower = policy.withBackoff(EXACT.withMultiplier(3));
        assertThat(slower.backoff().multiplier()).isEqualTo(3.0);
        assertThat(slower.nextDelay(2, REQUEST_TIMED_OUT)).isEqualTo(Optional.of(Duration.ofMillis(300)));
    }

    @Test
    void nonIdempotentProduceRetriesOnlyWhenTheBatchWasCertainlyNotWritten() {
        RetryPolicy produce = RetryPolicy.forProduce();
        assertThat(produce.retriableErrors()).containsExactlyInAnyOrder(UNKNOWN_TOPIC_OR_PARTITION,
                LEADER_NOT_AVAILABLE, NOT_LEADER_OR_FOLLOWER, NOT_ENOUGH_REPLICAS, FENCED_LEADER_EPOCH,
                UNKNOWN_LEADER_EPOCH);
        assertThat(produce.nextDelay(1, REQUEST_TIMED_OUT)).isEmpty();
        assertThat(produce.nextDelay(1, NETWORK_EXCEPTION)).isEmpty();
        assertThat(produce.nextDelay(1, NOT_ENOUGH_REPLICAS_AFTER_APPEND)).isEmpty();
        assertThat(produce.nextDelay(1, NOT_LEADER_OR_FOLLOWER)).isPresent();
        assertThat(RetryPolicy.forProduce(false).retriableErrors()).isEqualTo(produce.retriableErrors());
    }

    @Test
    void aRequestThatWasNeverSentIsRetriedByEveryOperationWithinTheBudget() {
        RetryPolicy produce = RetryPolicy.forProduce(false).withBackoff(EXACT);
        assertThat(produce.nextDelayForUnsent(1)).contains(Duration.ofMillis(100));
        assertThat(produce.nextDelayForUnsent(3)).contains(Duration.ofMillis(400));
        assertThat(produce.nextDelayForUnsent(4)).isEmpty();
        assertThat(RetryPolicy.of(0, EXACT, Set.of()).nextDelayForUnsent(1)).isEmpty();
        assertThatThrownBy(() -> produce.nextDelayForUnsent(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idempotentProduceAlsoRetriesWhenTheBatchMayHaveBeenWritten() {
        RetryPolicy produce = RetryPolicy.forProduce(true);
        assertThat(produce.retriableErrors()).containsExactlyInAnyOrder(UNKNOWN_TOPIC_OR_PARTITION,
                LEADER_NOT_AVAILABLE, NOT_LEADER_OR_FOLLOWER, REQUEST_TIMED_OUT, NETWORK_EXCEPTION,
                NOT_ENOUGH_REPLICAS, NOT_ENOUGH_REPLICAS_AFTER_APPEND, KAFKA_STORAGE_ERROR, FENCED_LEADER_EPOCH,
                UNKNOWN_LEADER_EPOCH);
        assertThat(produce.nextDelay(1, REQUEST_TIMED_OUT)).isPresent();
    }

    @Test
    void commitRetriesTransientCoordinatorErrorsAndTimeouts() {
        assertThat(RetryPolicy.forCommit().retriableErrors()).containsExactlyInAnyOrder(REQUEST_TIMED_OUT,
                NETWORK_EXCEPTION, COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR);
        assertThat(RetryPolicy.forCommit().isRetriable(KafkaError.REBALANCE_IN_PROGRESS)).isFalse();
    }

    @Test
    void metadataRetriesLeadershipErrorsAndTimeouts() {
        assertThat(RetryPolicy.forMetadata().retriableErrors()).containsExactlyInAnyOrder(
                UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE, NOT_LEADER_OR_FOLLOWER, REQUEST_TIMED_OUT,
                NETWORK_EXCEPTION, FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH);
    }

    @Test
    void everyFactoryRetriesOnlyErrorsKafkaCallsRetriableWithTheDefaults() {
        Stream.of(RetryPolicy.forProduce(false), RetryPolicy.forProduce(true), RetryPolicy.forCommit(),
                RetryPolicy.forMetadata()).forEach(p -> {
                    assertThat(p.retriableErrors()).allMatch(KafkaError::isRetriable);
                    assertThat(p.maxRetries()).isEqualTo(RetryPolicy.DEFAULT_MAX_RETRIES);
                    assertThat(p.backoff()).isSameAs(RetryPolicy.DEFAULT_BACKOFF);
                });
    }

    @Test
    void theRetriableSetIsACopyInCodeOrder() {
        Set<KafkaError> errors = new HashSet<>(Set.of(NOT_COORDINATOR, REQUEST_TIMED_OUT));
        RetryPolicy copied = RetryPolicy.of(1, EXACT, errors);
        errors.clear();
        assertThat(copied.retriableErrors()).containsExactly(REQUEST_TIMED_OUT, NOT_COORDINATOR);
        assertThatThrownBy(() -> copied.retriableErrors().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(copied.toString()).isEqualTo("RetryPolicy[maxRetries=1, backoff=" + EXACT
                + ", retriable=[REQUEST_TIMED_OUT, NOT_COORDINATOR]]");
    }

    @Test
    void validatesItsArguments() {
        assertThatThrownBy(() -> policy.withMaxRetries(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetries must be >= 0 (0 = one attempt only), was -1");
        assertThatThrownBy(() -> policy.nextDelay(0, REQUEST_TIMED_OUT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attemptsMade must be >= 1, was 0");
        assertThatThrownBy(() -> policy.isRetriable(null)).isInstanceOf(NullPointerException.class);
    }
}
