package io.kafkaex.test.junit;

import io.kafkaex.test.BrokerListener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real single-node Kafka broker: declare a {@link io.kafkaex.test.KafkaTestCluster}
 * parameter on a test method, a lifecycle method or the constructor.
 *
 * <p>The broker is shared: every test class in the JVM that asks for the same listeners gets the same
 * broker, started on first use and closed when the test run ends. Use a unique topic per test. The broker
 * version is the system property {@code kafka.version}, or the newest release.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KafkaExBrokerExtension.class)
public @interface KafkaExBroker {

    /** The client-facing listeners the broker opens. */
    BrokerListener[] listeners() default {BrokerListener.PLAINTEXT};
}
