package io.kafkaex.protocol.record.compression;

import io.kafkaex.protocol.ProtocolException;

/** Builds the {@link ProtocolException} for compressed bytes a codec cannot read. Stateless; any thread. */
final class CorruptData {

    private CorruptData() {
    }

    static ProtocolException exception(CompressionType type, String detail) {
        return new ProtocolException("Corrupt " + type.kafkaName() + " data: " + detail);
    }

    static ProtocolException exception(CompressionType type, Throwable cause) {
        return new ProtocolException("Corrupt " + type.kafkaName() + " data: " + cause, cause);
    }
}
