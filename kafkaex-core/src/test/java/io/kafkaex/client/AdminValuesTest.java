package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.network.BrokerConnectionException;
import io.kafkaex.network.RequestTimeoutException;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.error.KafkaError;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The admin calls' value types: validation, routing keys, sensitive values and request-failure mapping. */
class AdminValuesTest {

    @Test
    void configResourcesSayWhichBrokerMustAnswer() {
        assertThat(ConfigResource.broker(2).brokerId()).isEqualTo(OptionalInt.of(2));
        assertThat(ConfigResource.brokerLoggers(3).brokerId()).isEqualTo(OptionalInt.of(3));
        assertThat(ConfigResource.brokerDefaults().brokerId()).as("cluster-wide defaults: any broker").isEmpty();
        assertThat(ConfigResource.topic("orders").brokerId()).isEmpty();
        assertThat(ConfigResource.Type.BROKER_LOGGER.code()).isEqualTo((byte) 8);
    }

    @Test
    void configResourcesRejectNamesThatCannotBeRouted() {
        assertThatThrownBy(() -> new ConfigResource(ConfigResource.Type.BROKER, "one"))
                .hasMessage("BROKER resource name must be a broker id or empty, was 'one'");
        assertThatThrownBy(() -> new ConfigResource(ConfigResource.Type.BROKER_LOGGER, ""))
                .hasMessage("BROKER_LOGGER resource name must be a broker id, was ''");
        assertThatThrownBy(() -> ConfigResource.topic("")).hasMessage("TOPIC resource name must be a topic name, was ''");
    }

    @Test
    void alterOpsTakeAValueExceptDelete() {
        assertThat(AlterConfigOp.subtract("cleanup.policy", "delete").op().code()).isEqualTo((byte) 3);
        assertThat(AlterConfigOp.delete("retention.ms").value()).isNull();
        assertThatThrownBy(() -> new AlterConfigOp("retention.ms", AlterConfigOp.Op.DELETE, "1"))
                .hasMessage("Config retention.ms: DELETE takes no value");
        assertThatThrownBy(() -> AlterConfigOp.set("retention.ms", null)).hasMessage("Config retention.ms: SET needs a value");
    }

    @Test
    void aSensitiveEntryNeverCarriesAValue() {
        ConfigEntry entry = new ConfigEntry("ssl.key.password", "secret", false, ConfigEntry.Source.STATIC_BROKER_CONFIG, true,
                List.of(new ConfigEntry.Synonym("ssl.key.password", "secret", ConfigEntry.Source.STATIC_BROKER_CONFIG)),
                ConfigEntry.Type.PASSWORD, null);

        assertThat(entry.value()).isNull();
        assertThat(entry.synonyms()).singleElement().satisfies(synonym -> assertThat(synonym.value()).isNull());
    }

    @Test
    void unknownCodesMapToUnknown() {
        assertThat(ConfigEntry.Source.forCode((byte) 1)).isEqualTo(ConfigEntry.Source.DYNAMIC_TOPIC_CONFIG);
        assertThat(ConfigEntry.Source.forCode((byte) 42)).isEqualTo(ConfigEntry.Source.UNKNOWN);
        assertThat(ConfigEntry.Type.forCode((byte) 5)).isEqualTo(ConfigEntry.Type.LONG);
        assertThat(ConfigEntry.Type.forCode((byte) 42)).isEqualTo(ConfigEntry.Type.UNKNOWN);
    }

    @Test
    void describeOptionsAskForAllEntriesUnlessNamed() {
        assertThat(DescribeConfigsOptions.defaults().requestedKeys()).isNull();
        assertThat(DescribeConfigsOptions.defaults().withConfigNames("b", "a").requestedKeys()).containsExactly("a", "b");
    }

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
