package io.kafkaex.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

class AutoConfigurationImportsTest {

    @Test
    void everyListedClassIsAnAutoConfiguration() throws ClassNotFoundException {
        var listed = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates();

        assertThat(listed).contains(KafkaExAutoConfiguration.class.getName());
        for (String name : listed) {
            if (!name.startsWith("io.kafkaex.")) {
                continue; // other modules' auto-configurations on the test classpath (actuator's) are not ours to check
            }
            assertThat(Class.forName(name)).hasAnnotation(AutoConfiguration.class);
        }
    }
}
