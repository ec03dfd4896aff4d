package io.kafkaex.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One partition of a {@link TopicPartition} and the offset (>= 0) it starts at each time the container starts. */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PartitionOffset {

    String partition();

    String initialOffset();
}
