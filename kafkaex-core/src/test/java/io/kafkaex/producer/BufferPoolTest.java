package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    private static final long NO_WAIT = 0;

    @Test
    void buffersOfTheBatchSizeAreReusedAndTheTotalIsBounded() throws Exception {
        BufferPool pool = new BufferPool(300, 100);
        ByteBuffer first = pool.allocate(100, NO_WAIT);
        ByteBuffer odd = pool.allocate(150, NO_WAIT);
        assertThat(pool.availableMemory()).isEqualTo(50);

        first.put((byte) 7);
        pool.deallocate(first, 100);
        ByteBuffer again = pool.allocate(100, NO_WAIT);

        assertThat(again).isSameAs(first);
        assertThat(again.position()).isZero();
        pool.deallocate(odd, 150);
        assertThat(pool.availableMemory()).isEqualTo(200);
    }

    @Test
    void aFreePooledBufferIsGivenUpForALargerRequest() throws Exception {
        BufferPool pool = new BufferPool(200, 100);
        pool.deallocate(pool.allocate(100, NO_WAIT), 100);
        pool.deallocate(pool.allocate(100, NO_WAIT), 100);

        ByteBuffer large = pool.allocate(200, NO_WAIT);

        assertThat(large.capacity()).isEqualTo(200);
        assertThat(pool.availableMemory()).isZero();
    }

    @Test
    void noRoomWithinTheWaitFailsNamingTheSizesAndWhatToDo() throws Exception {
        BufferPool pool = new BufferPool(100, 100);
        pool.allocate(100, NO_WAIT);

        assertThatThrownBy(() -> pool.allocate(100, TimeUnit.MILLISECONDS.toNanos(50)))
                .isInstanceOf(ProducerTimeoutException.class)
                .hasMessageContaining("buffer-memory 100 bytes, 0 free")
                .hasMessageContaining("in the 50 ms left of max-block")
                .hasMessageContaining("raise buffer-memory or max-block");
        assertThat(pool.waitingThreads()).isZero();
    }

    @Test
    void aWaitingThreadGetsTheMemoryGivenBack() throws Exception {
        BufferPool pool = new BufferPool(100, 100);
        ByteBuffer taken = pool.allocate(100, NO_WAIT);
        CompletableFuture<ByteBuffer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.allocate(100, TimeUnit.SECONDS.toNanos(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (pool.waitingThreads() == 0) {
            Thread.onSpinWait();
        }

        pool.deallocate(taken, 100);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isSameAs(taken);
    }

    @Test
    void aRequestLargerThanThePoolIsRefusedAtOnce() {
        BufferPool pool = new BufferPool(100, 50);

        assertThatThrownBy(() -> pool.allocate(101, TimeUnit.SECONDS.toNanos(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101 bytes").hasMessageContaining("100 bytes");
    }
}
