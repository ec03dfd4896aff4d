package io.kafkaex.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Partitions of one topic for {@link KafkaExListener#topicPartitions()}: consumed without group membership, from
 * their committed offsets or from the {@link #partitionOffsets()} given.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TopicPartition {

    String topic();

    /** Partition numbers (placeholders and SpEL allowed), starting at the committed offset or per the reset policy. */
    String[] partitions() default {};

    /** Partitions with the offset they start at. */
    PartitionOffset[] partitionOffsets() default {};
}
