/**
 * Testcontainers support: {@code @ServiceConnection} Kafka containers become the {@code KafkaExConnectionDetails}.
 */
package io.kafkaex.autoconfigure.testcontainers;
