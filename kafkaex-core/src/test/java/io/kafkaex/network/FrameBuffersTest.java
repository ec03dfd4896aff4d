package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameBuffersTest {

    private final FrameBuffers buffers = new FrameBuffers();

    @Test
    void aLargeFramesBufferIsReusedForTheNextFrameOfItsSizeClass() {
        ByteBuffer first = buffers.take(40_000);
        assertThat(first.capacity()).isEqualTo(65_536);
        assertThat(first.limit()).isEqualTo(40_000);
        first.put(new byte[40_000]).flip();

        buffers.give(first);
        ByteBuffer next = buffers.take(50_000);

        assertThat(next).isSameAs(first);
        assertThat(next.position()).isZero();
        assertThat(next.limit()).isEqualTo(50_000);
        assertThat(buffers.kept()).isZero();
    }

    @Test
    void smallFramesAreAllocatedExactlyAndNotKept() {
        ByteBuffer small = buffers.take(100);

        buffers.give(small);

        assertThat(small.capacity()).isEqualTo(100);
        assertThat(buffers.kept()).isZero();
    }

    @Test
    void atMostSoManyBuffersOfAClassAreKept() {
        for (int i = 0; i < FrameBuffers.KEPT_PER_CLASS + 3; i++) {
            buffers.give(ByteBuffer.allocate(FrameBuffers.POOLED_FROM));
        }

        assertThat(buffers.kept()).isEqualTo(FrameBuffers.KEPT_PER_CLASS);
    }
}
