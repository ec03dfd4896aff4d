package io.kafkaex.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

class KafkaExContainerConnectionDetailsFactoryTest {

    /** Other factories on the test classpath may need classes it lacks; those are logged and left out. */
    @Test
    void bothKafkaContainerFactoriesAreRegisteredWithSpringBoot() {
        List<?> factories = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                .load(ConnectionDetailsFactory.class, FailureHandler.logging(LogFactory.getLog(getClass())));

        assertThat(factories).hasAtLeastOneElementOfType(KafkaContainerConnectionDetailsFactory.class)
                .hasAtLeastOneElementOfType(ConfluentKafkaContainerConnectionDetailsFactory.class);
    }
}
