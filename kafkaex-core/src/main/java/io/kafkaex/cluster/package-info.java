/**
 * The client's picture of the cluster: brokers, topics, partitions, leaders and leader epochs as immutable
 * snapshots built from Metadata responses ({@link io.kafkaex.cluster.ClusterMetadata}), the rule by which a
 * newer response updates an older snapshot, and when to ask for the next one
 * ({@link io.kafkaex.cluster.MetadataRefreshPolicy}). Pure data and logic: no I/O and no threads of its own.
 */
package io.kafkaex.cluster;
