package io.kafkaex.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method of a class annotated with {@link KafkaExListener}: each record goes to the handler whose
 * payload parameter type fits the converted value (JSON records by their type header; other records to the handler
 * whose type is String or byte[]). Parameters as for {@link KafkaExListener} methods.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface KafkaExHandler {

    /** The handler for records that fit no other handler's type. */
    boolean isDefault() default false;
}
