package io.kafkaex.protocol.record.compression;

/**
 * The optional libraries behind the snappy, lz4 and zstd codecs, and the check that one is on the classpath
 * before its codec class is loaded. Immutable; any thread may use it.
 */
enum CompressionLibrary {
    SNAPPY(CompressionType.SNAPPY, "org.xerial.snappy.Snappy", "org.xerial.snappy:snappy-java"),
    LZ4(CompressionType.LZ4, "net.jpountz.lz4.LZ4Factory", "at.yawk.lz4:lz4-java"),
    ZSTD(CompressionType.ZSTD, "com.github.luben.zstd.Zstd", "com.github.luben:zstd-jni");

    private final CompressionType type;
    private final String probeClass;
    private final String artifact;

    CompressionLibrary(CompressionType type, String probeClass, String artifact) {
        this.type = type;
        this.probeClass = probeClass;
        this.artifact = artifact;
    }

    /**
     * Checks that the library is on the classpath.
     *
     * @throws MissingCompressionLibraryException naming the Maven artifact to add if it is not
     */
    void requirePresent() {
        requirePresent(probeClass);
    }

    /** {@link #requirePresent()} with the class whose presence proves the library's; a seam for tests. */
    void requirePresent(String className) {
        try {
            Class.forName(className, false, CompressionLibrary.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MissingCompressionLibraryException(type.name() + " compression needs " + artifact
                    + " on the classpath; add that dependency to produce or read " + type.kafkaName()
                    + "-compressed record batches", e);
        }
    }
}
