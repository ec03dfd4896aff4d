package io.kafkaex.protocol.record.compression;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.ByteBufferOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** Kafka's own codecs (kafka-clients, test scope only), as used for magic v2 record batches. */
final class KafkaOracle {

    private KafkaOracle() {
    }

    static byte[] compress(CompressionType type, byte[] records) {
        return compressRepeated(type, records, 1);
    }

    /** Compresses {@code times} copies of {@code chunk} without ever holding them all in memory. */
    static byte[] compressRepeated(CompressionType type, byte[] chunk, int times) {
        ByteBufferOutputStream buffer = new ByteBufferOutputStream(1024);
        try (OutputStream out = compression(type).wrapForOutput(buffer, RecordBatch.MAGIC_VALUE_V2)) {
            for (int i = 0; i < times; i++) {
                out.write(chunk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestData.toArray(buffer.buffer().flip());
    }

    static byte[] decompress(CompressionType type, ByteBuffer compressed) {
        try (InputStream in = compression(type)
                .wrapForInput(compressed.duplicate(), RecordBatch.MAGIC_VALUE_V2, BufferSupplier.NO_CACHING)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Compression compression(CompressionType type) {
        return Compression.of(type.kafkaName()).build();
    }
}
