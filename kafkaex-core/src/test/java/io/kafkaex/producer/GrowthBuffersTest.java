package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class GrowthBuffersTest {

    private final GrowthBuffers buffers = new GrowthBuffers(2);

    @Test
    void aBufferGivenBackIsHandedOutAgainEmpty() {
        ByteBuffer first = buffers.take(1_000);
        first.put(new byte[100]);

        buffers.give(first);
        ByteBuffer again = buffers.take(800);

        assertThat(again).isSameAs(first);
        assertThat(again.position()).isZero();
        assertThat(again.remaining()).isEqualTo(1_000);
        assertThat(buffers.kept()).isZero();
    }

    @Test
    void aKeptBufferTooSmallIsDroppedForANewOne() {
        buffers.give(ByteBuffer.allocate(100));

        ByteBuffer taken = buffers.take(500);

        assertThat(taken.capacity()).isEqualTo(500);
        assertThat(buffers.kept()).isZero();
    }

    @Test
    void atMostKeepBuffersAreKept() {
        buffers.give(ByteBuffer.allocate(10));
        buffers.give(ByteBuffer.allocate(10));
        buffers.give(ByteBuffer.allocate(10));

        assertThat(buffers.kept()).isEqualTo(2);
    }
}
