package io.kafkaex.consumer;

import io.kafkaex.network.BrokerConnectionException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The commit-error classes: retry with the next commit, rejoin, or report. */
class CommitErrorsTest {

    @Test
    void transientCoordinatorAndNetworkErrorsAreRetryable() {
        assertThat(classify(KafkaError.COORDINATOR_NOT_AVAILABLE)).isEqualTo(CommitErrors.RETRYABLE);
        assertThat(classify(KafkaError.NOT_COORDINATOR)).isEqualTo(CommitErrors.RETRYABLE);
        assertThat(classify(KafkaError.COORDINATOR_LOAD_IN_PROGRESS)).isEqualTo(CommitErrors.RETRYABLE);
        assertThat(classify(KafkaError.REQUEST_TIMED_OUT)).isEqualTo(CommitErrors.RETRYABLE);
        assertThat(CommitErrors.classify(new CompletionException(new BrokerConnectionException(new InetSocketAddress("localhost", 9092), "lost", null))))
                .as("a lost connection, wrapped as futures wrap it").isEqualTo(CommitErrors.RETRYABLE);
    }

    @Test
    void aGenerationThatMovedOnMeansRejoin() {
        assertThat(classify(KafkaError.ILLEGAL_GENERATION)).isEqualTo(CommitErrors.REJOIN);
        assertThat(classify(KafkaError.UNKNOWN_MEMBER_ID)).isEqualTo(CommitErrors.REJOIN);
        assertThat(classify(KafkaError.REBALANCE_IN_PROGRESS)).isEqualTo(CommitErrors.REJOIN);
        assertThat(classify(KafkaError.STALE_MEMBER_EPOCH)).isEqualTo(CommitErrors.REJOIN);
    }

    @Test
    void whatNoRetryFixesIsFatal() {
        assertThat(classify(KafkaError.GROUP_AUTHORIZATION_FAILED)).isEqualTo(CommitErrors.FATAL);
        assertThat(classify(KafkaError.OFFSET_METADATA_TOO_LARGE)).isEqualTo(CommitErrors.FATAL);
        assertThat(classify(KafkaError.FENCED_INSTANCE_ID)).isEqualTo(CommitErrors.FATAL);
        assertThat(CommitErrors.classify(new IllegalStateException("not a Kafka error"))).isEqualTo(CommitErrors.FATAL);
    }

    private static CommitErrors classify(KafkaError error) {
        return CommitErrors.classify(KafkaErrorExceptions.of(error, "test"));
    }
}
