/**
 * KafkaEx core: a Kafka client of its own over {@code java.nio}, with no Spring types and no Apache
 * Kafka artifact on its classpath. Its layers (protocol, network, cluster, producer, consumer, admin,
 * security, telemetry) arrive issue by issue; see {@code docs/dev/status.md}.
 */
package io.kafkaex;
