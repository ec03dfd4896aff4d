package io.kafkaex.protocol.record.compression;

import io.kafkaex.KafkaExException;

/**
 * A compression type was chosen (by configuration, or by a fetched batch) whose optional library is not on the
 * classpath. The message names the Maven artifact to add.
 */
public class MissingCompressionLibraryException extends KafkaExException {

    public MissingCompressionLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
