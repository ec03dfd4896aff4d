package io.kafkaex.protocol;

import java.nio.charset.StandardCharsets;

/** Encoded sizes of protocol primitives, for sizing buffers before writing. Stateless and thread-safe. */
public final class ByteSizes {

    private ByteSizes() {
    }

    public static int unsignedVarint(int value) {
        int bytes = 1;
        while ((value & 0xFFFFFF80) != 0) {
            bytes++;
            value >>>= 7;
        }
        return bytes;
    }

    public static int varint(int value) {
        return unsignedVarint((value << 1) ^ (value >> 31));
    }

    public static int varlong(long value) {
        long zigZag = (value << 1) ^ (value >> 63);
        int bytes = 1;
        while ((zigZag & 0xFFFFFFFFFFFFFF80L) != 0) {
            bytes++;
            zigZag >>>= 7;
        }
        return bytes;
    }

    /** Bytes of a length prefix: compact (n + 1 as unsigned varint) or classic ({@code classicWidth} bytes). */
    public static int lengthPrefix(int length, boolean compact, int classicWidth) {
        return compact ? unsignedVarint(length + 1) : classicWidth;
    }

    /** Size of a string with its prefix; {@code null} is the null marker alone. */
    public static int string(String value, boolean compact) {
        if (value == null) {
            return compact ? 1 : 2;
        }
        int length = utf8Length(value);
        return lengthPrefix(length, compact, 2) + length;
    }

    /** Number of UTF-8 bytes of {@code value}, without encoding it when it is ASCII. */
    public static int utf8Length(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) >= 0x80) {
                return value.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return length;
    }
}
