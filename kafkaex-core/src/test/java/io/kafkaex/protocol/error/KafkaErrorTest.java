package io.kafkaex.protocol.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KafkaErrorTest {

    @Test
    void codesAreUnique() {
        assertThat(Arrays.stream(KafkaError.values()).map(KafkaError::code)).doesNotHaveDuplicates();
    }

    @Test
    void everyConstantIsFoundByItsOwnCode() {
        assertThat(KafkaError.values()).allSatisfy(error -> {
            assertThat(KafkaError.find(error.code())).contains(error);
            assertThat(KafkaError.forCode(error.code())).isSameAs(error);
        });
    }

    @Test
    void knownCodesMapToKafkasNames() {
        assertThat(KafkaError.forCode((short) -1)).isSameAs(KafkaError.UNKNOWN_SERVER_ERROR);
        assertThat(KafkaError.forCode((short) 0)).isSameAs(KafkaError.NONE);
        assertThat(KafkaError.forCode((short) 6)).isSameAs(KafkaError.NOT_LEADER_OR_FOLLOWER);
        assertThat(KafkaError.forCode((short) 29)).isSameAs(KafkaError.TOPIC_AUTHORIZATION_FAILED);
        assertThat(KafkaError.forCode((short) 136)).isSameAs(KafkaError.CONTROLLER_ID_NOT_REGISTERED);
    }

    @Test
    void unknownCodesAreNotFoundAndMapToUnknownServerError() {
        for (short code : new short[] {-2, 137, 999, Short.MAX_VALUE, Short.MIN_VALUE}) {
            assertThat(KafkaError.find(code)).as("code %s", code).isEmpty();
            assertThat(KafkaError.forCode(code)).as("code %s", code).isSameAs(KafkaError.UNKNOWN_SERVER_ERROR);
        }
    }

    @Test
    void onlyNoneIsNotAnError() {
        assertThat(KafkaError.NONE.isError()).isFalse();
        assertThat(KafkaError.values()).filteredOn(error -> error != KafkaError.NONE)
                .allMatch(KafkaError::isError);
    }

    @Test
    void retriableFlagsOfWellKnownCodes() {
        assertThat(KafkaError.NOT_LEADER_OR_FOLLOWER.isRetriable()).isTrue();
        assertThat(KafkaError.UNKNOWN_TOPIC_OR_PARTITION.isRetriable()).isTrue();
        assertThat(KafkaError.TOPIC_AUTHORIZATION_FAILED.isRetriable()).isFalse();
        assertThat(KafkaError.MESSAGE_TOO_LARGE.isRetriable()).isFalse();
        assertThat(KafkaError.NONE.isRetriable()).isFalse();
    }
}
