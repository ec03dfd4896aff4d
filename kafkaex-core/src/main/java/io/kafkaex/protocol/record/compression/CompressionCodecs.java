package io.kafkaex.protocol.record.compression;

/**
 * Creates the {@link CompressionCodec} of a {@link CompressionType}, checking first that the codec's optional
 * library is on the classpath, so that a missing library fails with a message naming the artifact to add
 * instead of a {@link NoClassDefFoundError}. Codec classes that use a library are loaded only here, only for
 * their own type. Stateless; any thread may use it.
 */
public final class CompressionCodecs {

    private CompressionCodecs() {
    }

    /**
     * The codec of {@code type} at Kafka's default level for it.
     *
     * @throws MissingCompressionLibraryException if the library {@code type} needs is not on the classpath
     */
    public static CompressionCodec forType(CompressionType type) {
        return switch (type) {
            case NONE -> NoCompressionCodec.INSTANCE;
            case GZIP -> forType(type, GzipCodec.DEFAULT_LEVEL);
            case SNAPPY -> {
                CompressionLibrary.SNAPPY.requirePresent();
                yield new SnappyCodec();
            }
            case LZ4 -> forType(type, Lz4FrameCodec.DEFAULT_LEVEL);
            case ZSTD -> forType(type, ZstdCodec.DEFAULT_LEVEL);
        };
    }

    /**
     * The codec of {@code type} compressing at {@code level}, with Kafka's ranges: gzip 1 to 9, lz4 1 to 17,
     * zstd what the zstd library allows (up to 22). Levels only affect compression; any level reads any data.
     *
     * @throws IllegalArgumentException           if {@code type} has no levels (none, snappy) or the level is
     *                                            out of range
     * @throws MissingCompressionLibraryException if the library {@code type} needs is not on the classpath
     */
    public static CompressionCodec forType(CompressionType type, int level) {
        return switch (type) {
            case NONE, SNAPPY -> throw new IllegalArgumentException(type.kafkaName() + " has no compression level");
            case GZIP -> new GzipCodec(level);
            case LZ4 -> {
                CompressionLibrary.LZ4.requirePresent();
                yield new Lz4FrameCodec(level);
            }
            case ZSTD -> {
                CompressionLibrary.ZSTD.requirePresent();
                yield new ZstdCodec(level);
            }
        };
    }

    static int checkLevel(CompressionType type, int level, int min, int max) {
        if (level < min || level > max) {
            throw new IllegalArgumentException(
                    type.kafkaName() + " compression level must be between " + min + " and " + max + ": " + level);
        }
        return level;
    }
}
