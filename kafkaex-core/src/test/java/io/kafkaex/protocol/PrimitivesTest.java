package io.kafkaex.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden bytes of the protocol primitives, their sizes, and their rejection of malformed input. */
class PrimitivesTest {

    @ParameterizedTest
    @CsvSource({"0,00", "-1,01", "1,02", "63,7e", "-64,7f", "64,8001", "-65,8101", "300,d804",
            "2147483647,feffffff0f", "-2147483648,ffffffff0f"})
    void varintsUseZigZag(int value, String hex) {
        assertThat(bytes(w -> w.writeVarint(value))).isEqualTo(hex);
        assertThat(ByteSizes.varint(value)).isEqualTo(hex.length() / 2);
        assertThat(reader(hex).readVarint()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"0,00", "-1,01", "1,02", "9223372036854775807,feffffffffffffffff01",
            "-9223372036854775808,ffffffffffffffffff01", "-4611686018427387904,ffffffffffffffff7f"})
    void varlongsUseZigZag(long value, String hex) {
        assertThat(bytes(w -> w.writeVarlong(value))).isEqualTo(hex);
        assertThat(ByteSizes.varlong(value)).isEqualTo(hex.length() / 2);
        assertThat(reader(hex).readVarlong()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"0,00", "1,01", "127,7f", "128,8001", "300,ac02", "16384,808001", "-1,ffffffff0f"})
    void unsignedVarints(int value, String hex) {
        assertThat(bytes(w -> w.writeUnsignedVarint(value))).isEqualTo(hex);
        assertThat(ByteSizes.unsignedVarint(value)).isEqualTo(hex.length() / 2);
        assertThat(reader(hex).readUnsignedVarint()).isEqualTo(value);
    }

    @Test
    void stringsInClassicAndCompactForm() {
        assertThat(bytes(w -> w.writeString(null, false))).isEqualTo("ffff");
        assertThat(bytes(w -> w.writeString(null, true))).isEqualTo("00");
        assertThat(bytes(w -> w.writeString("", true))).isEqualTo("01");
        assertThat(bytes(w -> w.writeString("a", true))).isEqualTo("0261");
        assertThat(bytes(w -> w.writeString("é", false))).isEqualTo("0002c3a9");
        assertThat(ByteSizes.string("é", false)).isEqualTo(4);
        assertThat(ByteSizes.string(null, true)).isEqualTo(1);
        assertThat(reader("0002c3a9").readString(false)).isEqualTo("é");
        assertThat(reader("00").readString(true)).isNull();
        assertThat(reader("ffff").readString(false)).isNull();
    }

    @Test
    void bytesAndArraysInClassicAndCompactForm() {
        assertThat(bytes(w -> w.writeBytes(null, false))).isEqualTo("ffffffff");
        assertThat(bytes(w -> w.writeBytes(null, true))).isEqualTo("00");
        assertThat(bytes(w -> w.writeBytes(ByteBuffer.wrap(new byte[] {7}), true))).isEqualTo("0207");
        assertThat(bytes(w -> w.writeArrayLength(2, false))).isEqualTo("00000002");
        assertThat(bytes(w -> w.writeArrayLength(2, true))).isEqualTo("03");
        assertThat(bytes(w -> w.writeNullArray(true))).isEqualTo("00");
        assertThat(reader("0207").readBytes(true)).isEqualTo(ByteBuffer.wrap(new byte[] {7}));
        assertThat(reader("ffffffff").readArrayLength(false, 1)).isEqualTo(-1);
    }

    @Test
    void uuidAndFixedWidthIntegersAreBigEndian() {
        UUID uuid = new UUID(0x0102030405060708L, 0x090a0b0c0d0e0f10L);
        assertThat(bytes(w -> w.writeUuid(uuid))).isEqualTo("0102030405060708090a0b0c0d0e0f10");
        assertThat(bytes(w -> w.writeInt(0x01020304))).isEqualTo("01020304");
        assertThat(bytes(w -> w.writeUnsignedShort(65535))).isEqualTo("ffff");
        assertThat(reader("ffff").readUnsignedShort()).isEqualTo(65535);
        assertThatThrownBy(() -> bytes(w -> w.writeUnsignedShort(65536))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsReadFromDirectBuffersToo() {
        ByteBuffer direct = ByteBuffer.allocateDirect(3);
        direct.put(HexFormat.of().parseHex("026b")).put((byte) 0).flip();
        assertThat(new ProtocolReader(direct).readString(true)).isEqualTo("k");
    }

    @Test
    void malformedInputIsRejectedBeforeAllocating() {
        assertThatThrownBy(() -> reader("0005616263").readString(false)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Truncated string");
        assertThatThrownBy(() -> reader("fffe").readString(false)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Negative string length");
        assertThatThrownBy(() -> reader("7ffffff0").readBytes(false)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("7fffffff00").readArrayLength(false, 1)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("cannot fit");
        assertThatThrownBy(() -> reader("fffffffe").readArrayLength(false, 1)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("ffffffffff01").readUnsignedVarint()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("ffffffff7f").readUnsignedVarint()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("ffffffffffffffffffff01").readVarlong()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("0102").readInt()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("80").readUnsignedVarint()).isInstanceOf(ProtocolException.class);
    }

    private static String bytes(Consumer<ProtocolWriter> write) {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        write.accept(new ProtocolWriter(buffer));
        buffer.flip();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return HexFormat.of().formatHex(out);
    }

    private static ProtocolReader reader(String hex) {
        return new ProtocolReader(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
    }
}
