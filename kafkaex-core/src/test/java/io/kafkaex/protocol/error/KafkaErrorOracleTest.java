package io.kafkaex.protocol.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

/** Checks {@link KafkaError} against the Java client's {@link Errors}, the reference for the codes. */
class KafkaErrorOracleTest {

    private static final Map<Short, Errors> KAFKA_BY_CODE = Arrays.stream(Errors.values())
            .collect(Collectors.toMap(Errors::code, Function.identity()));

    @Test
    void everyKafkaErrorHasOurConstantWithTheSameCodeNameAndRetriableFlag() {
        for (Errors kafka : Errors.values()) {
            KafkaError ours = KafkaError.find(kafka.code()).orElseThrow(
                    () -> new AssertionError("missing code " + kafka.code() + " " + kafka.name()));

            assertThat(ours.name()).as("name of code %s", kafka.code()).isEqualTo(kafka.name());
            assertThat(ours.isRetriable()).as("retriable flag of %s", kafka.name())
                    .isEqualTo(kafka.exception() instanceof RetriableException);
        }
    }

    @Test
    void weKnowNoCodeKafkaDoesNotDefine() {
        assertThat(KafkaError.values())
                .allSatisfy(ours -> assertThat(KAFKA_BY_CODE).containsKey(ours.code()))
                .hasSameSizeAs(Errors.values());
    }

    @Test
    void everyMessageIsOurOwnWordingNotKafkas() {
        assertThat(KafkaError.values()).allSatisfy(ours -> assertThat(ours.message())
                .isNotBlank()
                .isNotEqualToIgnoringCase(KAFKA_BY_CODE.get(ours.code()).message()));
    }
}
