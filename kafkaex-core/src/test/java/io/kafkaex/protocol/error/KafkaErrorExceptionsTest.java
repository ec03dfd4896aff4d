package io.kafkaex.protocol.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.kafkaex.KafkaExException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaErrorExceptionsTest {

    @ParameterizedTest
    @CsvSource({
        "SASL_AUTHENTICATION_FAILED, KafkaAuthenticationException",
        "UNSUPPORTED_SASL_MECHANISM, KafkaAuthenticationException",
        "ILLEGAL_SASL_STATE, KafkaAuthenticationException",
        "TOPIC_AUTHORIZATION_FAILED, KafkaAuthorizationException",
        "GROUP_AUTHORIZATION_FAILED, KafkaAuthorizationException",
        "CLUSTER_AUTHORIZATION_FAILED, KafkaAuthorizationException",
        "TRANSACTIONAL_ID_AUTHORIZATION_FAILED, KafkaAuthorizationException",
        "DELEGATION_TOKEN_AUTHORIZATION_FAILED, KafkaAuthorizationException",
        "UNKNOWN_TOPIC_OR_PARTITION, KafkaUnknownTopicOrPartitionException",
        "UNKNOWN_TOPIC_ID, KafkaUnknownTopicOrPartitionException",
        "NOT_LEADER_OR_FOLLOWER, KafkaNotLeaderException",
        "LEADER_NOT_AVAILABLE, KafkaNotLeaderException",
        "FENCED_LEADER_EPOCH, KafkaNotLeaderException",
        "UNKNOWN_LEADER_EPOCH, KafkaNotLeaderException",
        "MESSAGE_TOO_LARGE, KafkaRecordTooLargeException",
        "RECORD_LIST_TOO_LARGE, KafkaRecordTooLargeException",
        "UNSUPPORTED_VERSION, KafkaUnsupportedVersionException",
        "INVALID_REQUEST, KafkaInvalidRequestException",
        "ILLEGAL_GENERATION, KafkaGroupMembershipException",
        "UNKNOWN_MEMBER_ID, KafkaGroupMembershipException",
        "REBALANCE_IN_PROGRESS, KafkaGroupMembershipException",
        "MEMBER_ID_REQUIRED, KafkaGroupMembershipException",
        "FENCED_INSTANCE_ID, KafkaGroupMembershipException",
        "FENCED_MEMBER_EPOCH, KafkaGroupMembershipException",
        "STALE_MEMBER_EPOCH, KafkaGroupMembershipException",
        "PRODUCER_FENCED, KafkaProducerFencedException",
        "INVALID_PRODUCER_EPOCH, KafkaProducerFencedException",
        "REQUEST_TIMED_OUT, RetriableKafkaErrorException",
        "NOT_COORDINATOR, RetriableKafkaErrorException",
        "OFFSET_OUT_OF_RANGE, KafkaErrorException",
        "UNKNOWN_SERVER_ERROR, KafkaErrorException",
    })
    void factoryPicksTheMostSpecificType(KafkaError error, String expectedType) {
        KafkaErrorException exception = KafkaErrorExceptions.of(error, "orders", 3, null);

        assertThat(exception.getClass().getSimpleName()).isEqualTo(expectedType);
        assertThat(exception.error()).isSameAs(error);
    }

    @Test
    void exactlyTheRetriableErrorsBecomeRetriableExceptions() {
        assertThat(Arrays.stream(KafkaError.values()).filter(KafkaError::isError)).allSatisfy(error ->
                assertThat(KafkaErrorExceptions.of(error, null) instanceof RetriableKafkaErrorException)
                        .as("%s", error)
                        .isEqualTo(error.isRetriable()));
    }

    @Test
    void everyErrorBecomesAKafkaExException() {
        assertThat(Arrays.stream(KafkaError.values()).filter(KafkaError::isError))
                .allSatisfy(error -> assertThat(KafkaErrorExceptions.of(error, null))
                        .isInstanceOf(KafkaExException.class));
    }

    @Test
    void noneCannotBecomeAnException() {
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaErrorExceptions.of(KafkaError.NONE, "t", 0, null))
                .withMessageContaining("NONE");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaErrorExceptions.of(KafkaError.NONE, null));
    }

    @Test
    void messageNamesErrorCodeTopicPartitionBrokerMessageAndOurMessage() {
        KafkaErrorException exception = KafkaErrorExceptions.of(KafkaError.NOT_LEADER_OR_FOLLOWER, "orders", 3,
                "leader moved to broker 2");

        assertThat(exception.getMessage())
                .startsWith("NOT_LEADER_OR_FOLLOWER (code 6) on orders-3: ")
                .contains(KafkaError.NOT_LEADER_OR_FOLLOWER.message())
                .endsWith("Broker said: leader moved to broker 2");
        assertThat(exception.topic()).isEqualTo("orders");
        assertThat(exception.partition()).isEqualTo(3);
        assertThat(exception.brokerMessage()).isEqualTo("leader moved to broker 2");
    }

    @Test
    void messageNamesTheTopicAloneWhenNoPartitionIsKnown() {
        KafkaErrorException exception = KafkaErrorExceptions.of(KafkaError.TOPIC_AUTHORIZATION_FAILED, "payments",
                KafkaErrorException.NO_PARTITION, null);

        assertThat(exception.getMessage())
                .isEqualTo("TOPIC_AUTHORIZATION_FAILED (code 29) on payments: "
                        + KafkaError.TOPIC_AUTHORIZATION_FAILED.message());
    }

    @Test
    void requestLevelErrorsCarryNoTopicOrPartition() {
        KafkaErrorException exception = KafkaErrorExceptions.of(KafkaError.REBALANCE_IN_PROGRESS, "  ");

        assertThat(exception.topic()).isNull();
        assertThat(exception.partition()).isEqualTo(KafkaErrorException.NO_PARTITION);
        assertThat(exception.brokerMessage()).as("a blank broker message counts as none").isNull();
        assertThat(exception.getMessage())
                .isEqualTo("REBALANCE_IN_PROGRESS (code 27): " + KafkaError.REBALANCE_IN_PROGRESS.message());
    }

    @Test
    void aPartitionNeedsATopicAndCannotBeBelowMinusOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KafkaErrorExceptions.of(KafkaError.INVALID_REQUEST, null, 0, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KafkaErrorExceptions.of(KafkaError.INVALID_REQUEST, "orders", -2, null));
    }
}
