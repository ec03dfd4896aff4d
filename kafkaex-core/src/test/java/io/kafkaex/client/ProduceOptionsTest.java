package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.record.compression.CompressionType;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ProduceOptionsTest {

    @Test
    void aLevelChangesHowWellTheCodecCompresses() {
        ByteBuffer text = ByteBuffer.wrap("a fairly repetitive text, a fairly repetitive text, ".repeat(400).getBytes());

        int fast = ProduceOptions.defaults().withCompression(CompressionType.GZIP, 1).codec().compress(text.duplicate()).remaining();
        int best = ProduceOptions.defaults().withCompression(CompressionType.GZIP, 9).codec().compress(text.duplicate()).remaining();

        assertThat(best).isLessThanOrEqualTo(fast);
        assertThat(ProduceOptions.defaults().withCompression(CompressionType.ZSTD, 19).compressionLevel()).isEqualTo(19);
        assertThat(ProduceOptions.defaults().withCompression(CompressionType.LZ4).compressionLevel())
                .isEqualTo(ProduceOptions.DEFAULT_LEVEL);
    }

    @Test
    void levelsOutOfTheCodecsRangeOrForCodecsWithoutLevelsAreRefused() {
        assertThatThrownBy(() -> ProduceOptions.defaults().withCompression(CompressionType.LZ4, 18))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 17");
        assertThatThrownBy(() -> ProduceOptions.defaults().withCompression(CompressionType.SNAPPY, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no compression level");
    }
}
