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
 * Gives a test class a multi-node Kafka cluster of its own, started before its first test and killed
 * after its last: declare a {@link io.kafkaex.test.KafkaTestCluster} parameter to use it. Meant for tests
 * that stop, kill or restart brokers; other tests should share the broker of {@link KafkaExBroker}.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KafkaExBrokerExtension.class)
public @interface KafkaExCluster {

    /** The number of combined broker-and-controller nodes. */
    int brokers() default 3;

    /** The client-facing listeners every node opens. */
    BrokerListener[] listeners() default {BrokerListener.PLAINTEXT};
}
