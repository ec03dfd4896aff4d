package io.kafkaex.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that consumes records from Kafka, or a class whose {@link KafkaExHandler} methods do (dispatched by
 * the payload's type). The KafkaEx auto-configuration turns each into a listener container (a consumer group with
 * {@link #concurrency()} members) that starts when the application context is ready and stops gracefully with it,
 * committing what was processed.
 *
 * <p>Every String attribute may hold {@code ${...}} property placeholders and {@code #{...}} SpEL expressions.
 *
 * <p>Method parameters: the converted payload (the first parameter without an annotation and of no other kind below;
 * a {@code List} of payloads for a batch listener), {@code @Header(KafkaExHeaders.X)} ({@link io.kafkaex.spring.support.KafkaExHeaders})
 * for the record's key, topic, partition, offset, timestamp, timestamp type and group id, {@code @Header("name")} for a record header by name (as String or
 * byte[]), {@link io.kafkaex.spring.listener.ConsumedRecord} (or a {@code List} of them for a batch) and
 * {@link io.kafkaex.spring.listener.Acknowledgment} for the manual commit modes. With {@code @SendTo("topic")}, a
 * non-null return value is sent to that topic with the received key.
 *
 * <p>Threads: the method runs on the partition's worker thread (a virtual thread when
 * {@code spring.threads.virtual.enabled=true}); partitions run in parallel, so the bean must be thread-safe.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface KafkaExListener {

    /** The listener's unique id (registry look-ups, client ids, the default group id); generated when empty. */
    String id() default "";

    /** Topics to subscribe to. Exactly one of topics, {@link #topicPattern()} and {@link #topicPartitions()}. */
    String[] topics() default {};

    /**
     * A regular expression: every topic of the cluster it matches fully is subscribed to; re-checked every metadata
     * refresh interval, and the members rejoin when the set changes.
     */
    String topicPattern() default "";

    /** Fixed partitions (and optional initial offsets), consumed without group membership; commits still go to the group. */
    TopicPartition[] topicPartitions() default {};

    /** The consumer group; else {@code kafkaex.consumer.group-id}, else the listener id. */
    String groupId() default "";

    /** How many group members (each with its own connection and workers); else {@code kafkaex.listener.concurrency}. */
    String concurrency() default "";

    /** "true"/"false": start with the context; else {@code kafkaex.listener.auto-startup}. Start later through the registry. */
    String autoStartup() default "";

    /** "true": the method gets each fetched batch of a partition as a {@code List}; "false" (default): one record a call. */
    String batch() default "";

    /**
     * When offsets are committed: a {@link io.kafkaex.spring.listener.CommitMode} name; else
     * {@code kafkaex.listener.commit-mode}.
     */
    String commitMode() default "";

    /** Bean name of the {@link io.kafkaex.spring.listener.ListenerErrorHandler}; else the only such bean, else log and retry. */
    String errorHandler() default "";

    /** Bean name of the {@link io.kafkaex.spring.listener.KafkaExListenerContainerFactory}; else the default one. */
    String containerFactory() default "";

    /**
     * Per-listener overrides as {@code name=value}: {@code commit-interval}, {@code commit-threshold},
     * {@code auto-offset-reset} (earliest, latest, none), {@code session-timeout}, {@code heartbeat-interval},
     * {@code shutdown-timeout} (durations like {@code 5s}).
     */
    String[] properties() default {};
}
