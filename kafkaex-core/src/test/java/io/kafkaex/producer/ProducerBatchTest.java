package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.protocol.record.RecordBatch;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.RecordBatchReader;
import io.kafkaex.protocol.record.compression.CompressionType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProducerBatchTest {

    @Test
    void aCompressedBatchThatGrewMovesItsBytesBackIntoItsPooledBufferAndGivesTheGrownOneBack() {
        ByteBuffer pooled = ByteBuffer.allocate(4_096);
        List<ByteBuffer> given = new ArrayList<>();
        List<ByteBuffer> handedOut = new ArrayList<>();
        ProducerBatch batch = new ProducerBatch(new TopicPartition("t", 0), pooled, capacity -> {
            ByteBuffer grown = ByteBuffer.allocate(Math.max(capacity, RecordBatchBuilder.HEADER_SIZE + 32 * 1_024)); // as the accumulator does
            handedOut.add(grown);
            return grown;
        }, given::add, 4_096, 32 * 1_024, CompressionType.LZ4.codec(), false, System.nanoTime(), TimeUnit.MINUTES.toNanos(2));
        byte[] value = new byte[100];
        int records = 0;
        while (batch.tryAppend(1L, null, value, null, RecordBatchBuilder.maxRecordSize(-1, value.length, null)) != null) {
            records++;
        }

        ByteBuffer built = batch.close();

        assertThat(records).isGreaterThan(200); // far beyond the pooled 4 KiB
        assertThat(handedOut).hasSize(1);
        assertThat(given).containsExactlyElementsOf(handedOut);
        assertThat(built.array()).as("the bytes live in the pooled buffer again").isSameAs(pooled.array());
        RecordBatch read = new RecordBatchReader(built, 1 << 20).next();
        int count = 0;
        for (Record ignored : read) {
            count++;
        }
        assertThat(count).isEqualTo(records);
    }
}
