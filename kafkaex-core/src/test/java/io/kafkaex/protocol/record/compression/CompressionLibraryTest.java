package io.kafkaex.protocol.record.compression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class CompressionLibraryTest {

    @ParameterizedTest
    @CsvSource({
            "SNAPPY, SNAPPY compression needs org.xerial.snappy:snappy-java on the classpath",
            "LZ4, LZ4 compression needs at.yawk.lz4:lz4-java on the classpath",
            "ZSTD, ZSTD compression needs com.github.luben:zstd-jni on the classpath"})
    void anAbsentLibraryIsNamedByItsArtifact(CompressionLibrary library, String message) {
        assertThatThrownBy(() -> library.requirePresent("io.kafkaex.absent.NoSuchClass"))
                .isInstanceOf(MissingCompressionLibraryException.class)
                .hasMessageStartingWith(message)
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(CompressionLibrary.class)
    void presentLibrariesAreFound(CompressionLibrary library) {
        assertThatNoException().isThrownBy(library::requirePresent);
    }

    @Test
    void withoutTheLibrariesGzipStillWorksAndLz4NamesItsArtifact() throws Exception {
        URL mainClasses = CompressionType.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutLibraries =
                     new URLClassLoader(new URL[] {mainClasses}, ClassLoader.getPlatformClassLoader())) {
            Class<?> typeClass = withoutLibraries.loadClass(CompressionType.class.getName());
            Method codecOf = typeClass.getMethod("codec");
            Method forName = typeClass.getMethod("forName", String.class);

            Object gzip = codecOf.invoke(forName.invoke(null, "gzip"));
            byte[] records = "records".getBytes(StandardCharsets.US_ASCII);
            Method compress = gzip.getClass().getMethod("compress", ByteBuffer.class);
            Method decompress = gzip.getClass().getMethod("decompress", ByteBuffer.class, int.class);
            compress.setAccessible(true);
            decompress.setAccessible(true);
            Object compressed = compress.invoke(gzip, ByteBuffer.wrap(records));
            assertThat(TestData.toArray((ByteBuffer) decompress.invoke(gzip, compressed, 100))).isEqualTo(records);

            Throwable lz4 = catchThrowable(() -> codecOf.invoke(forName.invoke(null, "lz4")));
            assertThat(lz4).isInstanceOf(InvocationTargetException.class);
            Throwable cause = lz4.getCause();
            assertThat(cause.getClass().getName()).isEqualTo(MissingCompressionLibraryException.class.getName());
            assertThat(cause).hasMessageStartingWith("LZ4 compression needs at.yawk.lz4:lz4-java on the classpath");
        }
    }

    @ParameterizedTest
    @CsvSource({"GZIP, 0", "GZIP, 10", "LZ4, 0", "LZ4, 18", "ZSTD, 23", "NONE, 1", "SNAPPY, 1"})
    void levelsOutsideKafkasRangesAreRejected(CompressionType type, int level) {
        assertThatIllegalArgumentException().isThrownBy(() -> CompressionCodecs.forType(type, level))
                .withMessageContaining(type.kafkaName());
    }
}
