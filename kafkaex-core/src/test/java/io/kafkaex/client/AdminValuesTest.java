package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.network.BrokerConnectionException;
import io.kafkaex.network.RequestTimeoutException;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.error.KafkaError;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The admin calls' value types: per-item results and request-failure mapping. */
class AdminValuesTest {

    @Test
    void requestFailuresBecomePerItemErrorsOnlyWhenTheyAreOutcomes() {
        InetSocketAddress broker = InetSocketAddress.createUnresolved("broker", 9092);
        assertThat(RequestFailure.of(new CompletionException(new BrokerConnectionException(broker, "refused", null))).error())
                .isEqualTo(KafkaError.NETWORK_EXCEPTION);
        assertThat(RequestFailure.of(new RequestTimeoutException("no answer in 30 s")))
                .isEqualTo(new RequestFailure(KafkaError.REQUEST_TIMED_OUT, "no answer in 30 s"));
        ProtocolException malformed = new ProtocolException("truncated");
        assertThatThrownBy(() -> RequestFailure.of(malformed)).isInstanceOf(CompletionException.class).hasCause(malformed);
    }

    @Test
    void perItemResultsNameWhatFailed() {
        DeletedRecords ok = new DeletedRecords(new TopicPartition("t", 0), 5, KafkaError.NONE, null);
        DeletedRecords bad = new DeletedRecords(new TopicPartition("t", 1), -1, KafkaError.OFFSET_OUT_OF_RANGE, null);
        DeleteRecordsResult result = new DeleteRecordsResult(List.of(ok, bad));

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failed()).containsExactly(bad);
        assertThat(result.partition("t", 0)).contains(ok);
        assertThat(new TopicPartition("t", 1)).hasToString("t-1");
    }
}
