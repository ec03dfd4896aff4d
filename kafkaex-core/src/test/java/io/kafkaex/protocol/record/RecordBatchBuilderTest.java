package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordSamples.readOurs;
import static io.kafkaex.protocol.record.RecordSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** Golden bytes of the v2 batch layout that {@link RecordBatchBuilder} writes. */
class RecordBatchBuilderTest {

    private static final Header[] NO_HEADERS = null;

    @Test
    void writesTheExactV2Layout() {
        ByteBuffer batch = new RecordBatchBuilder(ByteBuffer.allocate(128))
                .baseOffset(5)
                .append(1000L, utf8("k"), utf8("v"), new Header[] {Header.of("h", utf8("x"))})
                .append(1300L, (byte[]) null, null, NO_HEADERS)
                .build();

        String hex = hex(batch);
        assertThat(batch.remaining()).isEqualTo(82);
        assertThat(hex.substring(0, 34)).isEqualTo("0000000000000005" + "00000046" + "ffffffff" + "02");
        assertThat(hex.substring(42)).isEqualTo("0000" // attributes
                + "00000001" // last offset delta
                + "00000000000003e8" + "0000000000000514" // base and max timestamp
                + "ffffffffffffffff" + "ffff" + "ffffffff" // no producer id, epoch, sequence
                + "00000002" // record count
                + "18" + "00" + "00" + "00" + "026b" + "0276" + "02" + "0268" + "0278" // length 12, key k, value v, header h=x
                + "0e" + "00" + "d804" + "02" + "01" + "01" + "00"); // length 7, delta 300 ms, offset 1, null key and value
        assertThat(batch.getInt(17)).isEqualTo((int) crc32c(batch, 21));
    }

    @Test
    void restampingABuiltBatchChangesItsProducerFieldsAndKeepsItsChecksumValid() {
        ByteBuffer batch = new RecordBatchBuilder(ByteBuffer.allocate(128)).producer(7, (short) 1, 40)
                .append(1L, (byte[]) null, utf8("v"), null).build();

        RecordBatchBuilder.restampProducer(batch, 9, (short) 3, 0);

        RecordBatch read = new RecordBatchReader(batch, 1024).next();
        assertThat(read.producerId()).isEqualTo(9);
        assertThat(read.producerEpoch()).isEqualTo((short) 3);
        assertThat(read.baseSequence()).isZero();
        assertThat(readOurs(batch)).containsExactly("0|1|CREATE_TIME|null|76|"); // the value, in hex
    }

    @Test
    void checksumCoversAttributesToTheEndButNotTheLeaderEpoch() {
        ByteBuffer batch = singleRecordBatch(new RecordBatchBuilder(ByteBuffer.allocate(128)));

        batch.putInt(12, 99);
        assertThat(new RecordBatchReader(batch, 1024).next().partitionLeaderEpoch()).isEqualTo(99);

        batch.put(batch.limit() - 1, (byte) 'w');
        assertThatThrownBy(() -> new RecordBatchReader(batch, 1024).next())
                .isInstanceOf(ProtocolException.class).hasMessageContaining("offset 0").hasMessageContaining("CRC");
    }

    @Test
    void setsEachAttributeBit() {
        assertThat(attributes(new RecordBatchBuilder(ByteBuffer.allocate(128)))).isEqualTo(0x00);
        assertThat(attributes(new RecordBatchBuilder(ByteBuffer.allocate(128)).logAppendTime(5))).isEqualTo(0x08);
        assertThat(attributes(new RecordBatchBuilder(ByteBuffer.allocate(128)).transactional(true))).isEqualTo(0x10);
        assertThat(attributes(new RecordBatchBuilder(ByteBuffer.allocate(128)).deleteHorizonMs(5))).isEqualTo(0x40);
        ByteBuffer marker = new RecordBatchBuilder(ByteBuffer.allocate(128))
                .appendEndTransactionMarker(5, new EndTransactionMarker(ControlRecordType.ABORT, 1))
                .build();
        assertThat(marker.getShort(21)).isEqualTo((short) 0x30);
    }

    @Test
    void logAppendTimeGivesEveryRecordTheBatchTimestamp() {
        ByteBuffer batch = new RecordBatchBuilder(ByteBuffer.allocate(128))
                .logAppendTime(9000L)
                .append(1000L, utf8("a"), utf8("b"), NO_HEADERS)
                .append(1200L, utf8("c"), utf8("d"), NO_HEADERS)
                .build();

        assertThat(batch.getLong(27)).isEqualTo(1000L);
        assertThat(batch.getLong(35)).isEqualTo(9000L);
        assertThat(readOurs(batch)).containsExactly("0|9000|LOG_APPEND_TIME|61|62|", "1|9000|LOG_APPEND_TIME|63|64|");
    }

    @Test
    void deleteHorizonIsTheBaseOfTheTimestampDeltas() {
        ByteBuffer batch = new RecordBatchBuilder(ByteBuffer.allocate(128))
                .deleteHorizonMs(900L)
                .append(1000L, utf8("a"), null, NO_HEADERS)
                .build();

        assertThat(batch.getLong(27)).isEqualTo(900L);
        assertThat(hex(batch)).endsWith("1000c8010002610100"); // timestamp delta 100 as zig-zag c801
        DefaultRecordBatch read = (DefaultRecordBatch) new RecordBatchReader(batch, 1024).next();
        assertThat(read.hasDeleteHorizon()).isTrue();
        assertThat(read.iterator().next().timestamp()).isEqualTo(1000L);
    }

    @Test
    void writesProducerFields() {
        ByteBuffer batch = singleRecordBatch(new RecordBatchBuilder(ByteBuffer.allocate(128))
                .producer(0x0102030405060708L, (short) 0x0a0b, 0x11223344)
                .partitionLeaderEpoch(3));

        assertThat(hex(batch).substring(86, 122)).isEqualTo("0102030405060708" + "0a0b" + "11223344" + "00000001");
        assertThat(batch.getInt(12)).isEqualTo(3);
    }

    @Test
    void transactionMarkerRecordHoldsTypeAndCoordinatorEpoch() {
        ByteBuffer batch = new RecordBatchBuilder(ByteBuffer.allocate(128))
                .baseOffset(40)
                .producer(7L, (short) 1, -1)
                .appendEndTransactionMarker(2000L, new EndTransactionMarker(ControlRecordType.COMMIT, 0x01020304))
                .build();

        assertThat(hex(batch)).endsWith("2000000008" + "0000" + "0001" + "0c" + "0000" + "01020304" + "00");
        Record record = new RecordBatchReader(batch, 1024).next().iterator().next();
        assertThat(record.isControl()).isTrue();
        assertThat(ControlRecordType.parse(record.key())).isEqualTo(ControlRecordType.COMMIT);
        assertThat(EndTransactionMarker.of(record)).isEqualTo(new EndTransactionMarker(ControlRecordType.COMMIT, 0x01020304));
    }

    @Test
    void growsBeyondTheGivenBufferAndKeepsItsStart() {
        ByteBuffer small = ByteBuffer.allocate(70).position(3);
        RecordBatchBuilder builder = new RecordBatchBuilder(small);
        for (int i = 0; i < 50; i++) {
            builder.append(i, utf8("key" + i), new byte[100], NO_HEADERS);
        }
        ByteBuffer batch = builder.build();

        assertThat(batch.remaining()).isEqualTo(builder.sizeInBytes());
        assertThat(builder.recordCount()).isEqualTo(50);
        assertThat(readOurs(batch)).hasSize(50).last().asString().startsWith("49|49|CREATE_TIME|6b65793439|");
    }

    @Test
    void byteBufferKeysAndValuesAreWrittenFromTheirPositionWithoutMovingIt() {
        ByteBuffer key = ByteBuffer.wrap(utf8("xxkey")).position(2);
        ByteBuffer value = ByteBuffer.allocateDirect(3).put(utf8("val")).flip();
        ByteBuffer batch = new RecordBatchBuilder(ByteBuffer.allocateDirect(100))
                .append(1L, key, value, new Header[] {new Header("h", value)})
                .build();

        assertThat(key.position()).isEqualTo(2);
        assertThat(value.position()).isZero();
        assertThat(readOurs(batch)).containsExactly("0|1|CREATE_TIME|6b6579|76616c|h=76616c");
    }

    @Test
    void maxRecordSizeBoundsTheBytesARecordTakes() {
        Header[] headers = {Header.of("header", utf8("value"))};
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(1024));
        builder.append(Long.MAX_VALUE, new byte[10], new byte[200], headers);
        int first = builder.sizeInBytes();
        builder.append(Long.MIN_VALUE, new byte[10], new byte[200], headers);

        assertThat(builder.sizeInBytes() - first).isLessThanOrEqualTo(RecordBatchBuilder.maxRecordSize(10, 200, headers));
        assertThat(first - RecordBatchBuilder.HEADER_SIZE).isLessThanOrEqualTo(RecordBatchBuilder.maxRecordSize(10, 200, headers));
    }

    @Test
    void refusesMisuse() {
        assertThatThrownBy(() -> new RecordBatchBuilder(ByteBuffer.allocate(64)).build())
                .isInstanceOf(IllegalStateException.class);
        RecordBatchBuilder built = new RecordBatchBuilder(ByteBuffer.allocate(64)).append(1, (byte[]) null, null, null);
        built.build();
        assertThatThrownBy(() -> built.append(1, (byte[]) null, null, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(built::build).isInstanceOf(IllegalStateException.class);
        RecordBatchBuilder marker = new RecordBatchBuilder(ByteBuffer.allocate(64))
                .appendEndTransactionMarker(1, new EndTransactionMarker(ControlRecordType.ABORT, 0));
        assertThatThrownBy(() -> marker.append(1, (byte[]) null, null, null)).isInstanceOf(IllegalStateException.class);
        RecordBatchBuilder data = new RecordBatchBuilder(ByteBuffer.allocate(64)).append(1, (byte[]) null, null, null);
        assertThatThrownBy(() -> data.deleteHorizonMs(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> data.appendEndTransactionMarker(1, new EndTransactionMarker(ControlRecordType.ABORT, 0)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new EndTransactionMarker(ControlRecordType.UNKNOWN, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ByteBuffer singleRecordBatch(RecordBatchBuilder builder) {
        return builder.append(1000L, utf8("k"), utf8("v"), NO_HEADERS).build();
    }

    private static int attributes(RecordBatchBuilder builder) {
        return singleRecordBatch(builder).getShort(21);
    }

    static long crc32c(ByteBuffer batch, int from) {
        CRC32C crc = new CRC32C();
        crc.update(batch.duplicate().position(from));
        return crc.getValue();
    }

    private static String hex(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
