package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordBatchReaderTest.concat;
import static io.kafkaex.protocol.record.RecordSamples.readOurs;
import static io.kafkaex.protocol.record.RecordSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.record.compression.CompressionType;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Hand-built legacy wrapper messages: inner offsets, timestamps and malformed inner message sets. */
class LegacyRecordBatchTest {

    private static final int GZIP = 1;
    private static final int LOG_APPEND_TIME = 0x08;

    @Test
    void magicOneInnerOffsetsAreRelativeToTheWrapperOffset() {
        ByteBuffer inner = concat(message(1, 0, 0, 100, "a"), message(1, 1, 0, 101, "b"), message(1, 2, 0, 102, "c"));
        assertThat(readOurs(wrapper(1, 12, 0, 102, inner)))
                .containsExactly("10|100|CREATE_TIME|null|61|", "11|101|CREATE_TIME|null|62|", "12|102|CREATE_TIME|null|63|");
    }

    @Test
    void magicZeroInnerOffsetsAreAbsolute() {
        ByteBuffer inner = concat(message(0, 40, 0, -1, "a"), message(0, 41, 0, -1, "b"));
        assertThat(readOurs(wrapper(0, 41, 0, -1, inner)))
                .containsExactly("40|-1|NO_TIMESTAMP_TYPE|null|61|", "41|-1|NO_TIMESTAMP_TYPE|null|62|");
    }

    @Test
    void logAppendTimeWrapperGivesItsTimestampToEveryInnerRecord() {
        ByteBuffer inner = concat(message(1, 0, 0, 100, "a"), message(1, 1, 0, 101, "b"));
        assertThat(readOurs(wrapper(1, 5, LOG_APPEND_TIME, 999, inner)))
                .containsExactly("4|999|LOG_APPEND_TIME|null|61|", "5|999|LOG_APPEND_TIME|null|62|");
    }

    @Test
    void rejectsMalformedInnerMessageSets() {
        ByteBuffer valid = message(1, 0, 0, 100, "a");
        assertRejected(wrapper(1, 5, 0, 0, valid.duplicate().limit(valid.limit() - 1)), "ends inside");
        assertRejected(wrapper(1, 5, 0, 0, message(0, 0, 0, -1, "a")), "inner message of magic 0");
        assertRejected(wrapper(1, 5, 0, 0, message(1, 0, GZIP, 100, "a")), "compressed inner message");
        assertRejected(wrapper(1, 5, 0, 0, ByteBuffer.allocate(0)), "no messages");
    }

    private static void assertRejected(ByteBuffer wrapper, String message) {
        assertThatThrownBy(() -> readOurs(wrapper)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("offset 5").hasMessageContaining(message);
    }

    private static ByteBuffer wrapper(int magic, long offset, int attributes, long timestamp, ByteBuffer inner) {
        ByteBuffer compressed = CompressionType.GZIP.codec().compress(inner);
        byte[] value = new byte[compressed.remaining()];
        compressed.get(value);
        return message(magic, offset, attributes | GZIP, timestamp, value);
    }

    private static ByteBuffer message(int magic, long offset, int attributes, long timestamp, String value) {
        return message(magic, offset, attributes, timestamp, utf8(value));
    }

    /** A legacy message with a null key. */
    private static ByteBuffer message(int magic, long offset, int attributes, long timestamp, byte[] value) {
        int size = 4 + 1 + 1 + (magic == 1 ? 8 : 0) + 4 + 4 + value.length;
        ByteBuffer message = ByteBuffer.allocate(12 + size).putLong(offset).putInt(size).putInt(0)
                .put((byte) magic).put((byte) attributes);
        if (magic == 1) {
            message.putLong(timestamp);
        }
        message.putInt(-1).putInt(value.length).put(value).flip();
        RecordBatchReaderTest.fixLegacyCrc(message);
        return message;
    }
}
