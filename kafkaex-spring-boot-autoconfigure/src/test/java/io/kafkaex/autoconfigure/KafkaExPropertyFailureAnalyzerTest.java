package io.kafkaex.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

class KafkaExPropertyFailureAnalyzerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class));

    @Test
    void anInvalidSizeIsReportedWithItsPropertyAndWhatIsAllowed() {
        runner.withPropertyValues("kafkaex.producer.batch-size=-1").run(context -> {
            FailureAnalysis analysis = new KafkaExPropertyFailureAnalyzer().analyze(context.getStartupFailure());

            assertThat(analysis.getDescription()).startsWith("Invalid value '-1B' for property 'kafkaex.producer.batch-size'.")
                    .contains("Reason: Invalid producer options: batchSize must be at least 1, was -1");
            assertThat(analysis.getAction()).isEqualTo("Update 'kafkaex.producer.batch-size' in your application's"
                    + " configuration: it must be a size of at least 1B and at most kafkaex.producer.buffer-memory.");
        });
    }

    @Test
    void aMissingSaslUsernameIsReportedWithTheMechanism() {
        runner.withPropertyValues("kafkaex.security.protocol=SASL_PLAINTEXT", "kafkaex.sasl.mechanism=SCRAM-SHA-256")
                .run(context -> {
                    FailureAnalysis analysis = new KafkaExPropertyFailureAnalyzer().analyze(context.getStartupFailure());

                    assertThat(analysis.getDescription()).isEqualTo("Invalid value 'null' for property 'kafkaex.sasl.username'.");
                    assertThat(analysis.getAction()).contains("'kafkaex.sasl.username'")
                            .contains("a non-blank user name when kafkaex.sasl.mechanism is SCRAM-SHA-256");
                });
    }

    /** Other analyzers on the test classpath may need classes it lacks; those are logged and left out. */
    @Test
    void theAnalyzerIsRegisteredWithSpringBoot() {
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                .load(FailureAnalyzer.class, FailureHandler.logging(LogFactory.getLog(getClass())));

        assertThat(analyzers).hasAtLeastOneElementOfType(KafkaExPropertyFailureAnalyzer.class);
    }
}
