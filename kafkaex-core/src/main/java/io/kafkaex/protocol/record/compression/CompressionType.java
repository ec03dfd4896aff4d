package io.kafkaex.protocol.record.compression;

import io.kafkaex.protocol.ProtocolException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The compression of a record batch as Kafka names and numbers it: the id is the value of the low three
 * attribute bits of a magic v2 batch (and of a legacy v0/v1 wrapper message), the name is the value of the
 * {@code compression.type} configuration.
 *
 * <p>This enum refers to no compression library, so it can be loaded and used when none is on the classpath;
 * {@link #codec()} loads the library of the chosen type on demand. Immutable; any thread may use it.
 */
public enum CompressionType {
    NONE(0, "none"),
    GZIP(1, "gzip"),
    SNAPPY(2, "snappy"),
    LZ4(3, "lz4"),
    ZSTD(4, "zstd");

    private static final CompressionType[] BY_ID = values();

    private final int id;
    private final String kafkaName;

    CompressionType(int id, String kafkaName) {
        this.id = id;
        this.kafkaName = kafkaName;
    }

    /** The value of the compression bits in a batch's attributes. */
    public int id() {
        return id;
    }

    /** The name Kafka uses in configuration, e.g. {@code "lz4"}. */
    public String kafkaName() {
        return kafkaName;
    }

    /**
     * The codec of this type at its default level.
     *
     * @throws MissingCompressionLibraryException if the library this type needs is not on the classpath
     */
    public CompressionCodec codec() {
        return CompressionCodecs.forType(this);
    }

    /**
     * The type whose attribute bits value is {@code id}.
     *
     * @throws ProtocolException if no compression type has that id
     */
    public static CompressionType forId(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new ProtocolException("Unknown compression type id " + id + " in record batch attributes");
        }
        return BY_ID[id];
    }

    /**
     * The type Kafka configuration calls {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException if no compression type has that name
     */
    public static CompressionType forName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (CompressionType type : BY_ID) {
            if (type.kafkaName.equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown compression type '" + name + "'; expected one of "
                + Arrays.stream(BY_ID).map(CompressionType::kafkaName).collect(Collectors.joining(", ")));
    }
}
