package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.cluster.RefreshReason;
import io.kafkaex.network.BrokerConnectionException;
import io.kafkaex.network.RequestNotSentException;
import io.kafkaex.network.RequestTimeoutException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.retry.RetryPolicy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Which failures of a call to a leader are worth another attempt, per operation. */
class RetriableFailuresTest {

    private static final InetSocketAddress BROKER = new InetSocketAddress("127.0.0.1", 9092);
    private static final BrokerConnectionException LOST = new BrokerConnectionException(BROKER, "connection reset", null);
    private static final RequestNotSentException REFUSED = new RequestNotSentException(BROKER,
            new BrokerConnectionException(BROKER, "Connection refused", null));
    private static final RequestTimeoutException TIMED_OUT = new RequestTimeoutException("no response in time");

    private final RetryPolicy produce = RetryPolicy.forProduce(false);
    private final RetryPolicy fetch = RetryPolicy.forMetadata();

    @Test
    void produceWithoutIdempotenceRetriesOnlyWhatCertainlyWasNotWritten() {
        assertThat(RetriableFailures.nextDelay(produce, 1, REFUSED)).isPresent();
        assertThat(RetriableFailures.nextDelay(produce, 1, notLeader())).isPresent();
        assertThat(RetriableFailures.nextDelay(produce, 1, LOST)).as("may have been written").isEmpty();
        assertThat(RetriableFailures.nextDelay(produce, 1, TIMED_OUT)).as("may have been written").isEmpty();
    }

    @Test
    void fetchAlsoRetriesLostConnectionsAndTimeouts() {
        assertThat(RetriableFailures.nextDelay(fetch, 1, LOST)).isPresent();
        assertThat(RetriableFailures.nextDelay(fetch, 1, TIMED_OUT)).isPresent();
        assertThat(RetriableFailures.nextDelay(fetch, 1, REFUSED)).isPresent();
    }

    @Test
    void theBudgetBoundsEveryRetryAndOtherFailuresAreFinal() {
        assertThat(RetriableFailures.nextDelay(produce, produce.maxAttempts(), REFUSED)).isEmpty();
        assertThat(RetriableFailures.nextDelay(fetch, 1, new IllegalStateException("a bug"))).isEmpty();
        assertThat(RetriableFailures.nextDelay(fetch, 1,
                KafkaErrorExceptions.of(KafkaError.TOPIC_AUTHORIZATION_FAILED, "orders", 0, null))).isEmpty();
    }

    @Test
    void aRefusedRequestSaysSoOnceAndNamesTheBroker() {
        assertThat(REFUSED).hasMessage("Broker 127.0.0.1:9092: request not sent: Connection refused").hasCause(REFUSED.getCause());
        assertThat(RetriableFailures.refreshReason(REFUSED)).isEqualTo(RefreshReason.DISCONNECT);
        assertThat(RetriableFailures.refreshReason(notLeader())).isEqualTo(RefreshReason.NOT_LEADER_OR_FOLLOWER);
    }

    private static RuntimeException notLeader() {
        return KafkaErrorExceptions.of(KafkaError.NOT_LEADER_OR_FOLLOWER, "orders", 0, null);
    }
}
