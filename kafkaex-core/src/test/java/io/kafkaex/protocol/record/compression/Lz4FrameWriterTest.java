package io.kafkaex.protocol.record.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Random;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Lz4FrameWriterTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, 65536, 65537, 200_000})
    void worstCaseSizeBoundsEvenIncompressibleFrames(int length) {
        LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();
        byte[] random = new byte[length];
        new Random(length).nextBytes(random);

        ByteBuffer frame = Lz4FrameWriter.write(ByteBuffer.wrap(random), compressor, XXHashFactory.fastestInstance().hash32());

        assertThat(Lz4FrameWriter.worstCaseFrameSize(length, compressor)).isGreaterThanOrEqualTo(frame.remaining());
    }
}
