/**
 * Consumer-group partition assignors: the {@link io.kafkaex.consumer.assignor.PartitionAssignor} SPI and the
 * assignors the Java consumer offers under the same names ({@code range}, {@code roundrobin},
 * {@code cooperative-sticky}), so kafkaex and Java members can share a group.
 */
package io.kafkaex.consumer.assignor;
