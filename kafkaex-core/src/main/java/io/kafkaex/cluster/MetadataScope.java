package io.kafkaex.cluster;

/**
 * Which topics a Metadata request asked for, and so what a response says about the topics it omits.
 *
 * <p>Immutable and thread-safe.
 */
public enum MetadataScope {

    /** The request asked for every topic: a topic missing from the response no longer exists. */
    ALL_TOPICS,

    /** The request named some topics: the response says nothing about the others. */
    REQUESTED_TOPICS
}
