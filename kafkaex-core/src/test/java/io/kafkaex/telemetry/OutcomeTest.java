package io.kafkaex.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void okHasNoError() {
        assertThat(Outcome.ok().isOk()).isTrue();
        assertThat(Outcome.ok().error()).isNull();
        assertThat(Outcome.ok().errorName()).isEqualTo("none");
    }

    @Test
    void namesABrokerErrorByItsKafkaErrorName() {
        Outcome outcome = Outcome.error(KafkaErrorExceptions.of(KafkaError.NOT_COORDINATOR, null));

        assertThat(outcome.isOk()).isFalse();
        assertThat(outcome.result()).isEqualTo(Outcome.Result.ERROR);
        assertThat(outcome.errorName()).isEqualTo("NOT_COORDINATOR");
    }

    @Test
    void namesAClientErrorByItsExceptionClass() {
        assertThat(Outcome.error(new TimeoutException("no answer")).errorName()).isEqualTo("TimeoutException");
    }

    @Test
    void resultAndErrorMustAgree() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Outcome(Outcome.Result.ERROR, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Outcome(Outcome.Result.OK, new IllegalStateException()));
    }
}
