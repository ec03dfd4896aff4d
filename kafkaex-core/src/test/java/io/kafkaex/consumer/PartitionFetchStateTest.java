package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One partition's fetch bookkeeping: prefetch bound, waiting for release, caught up. */
class PartitionFetchStateTest {

    private final PartitionFetchState state = new PartitionFetchState(new TopicPartition("t", 0), 0, 1);

    @Test
    void twoUnreleasedChunksHoldThePartitionBackUntilOneIsReleased() {
        state.fetched(10);
        assertThat(state.isFetchable(System.nanoTime())).as("one chunk handled, one may be prefetched").isTrue();
        state.fetched(20);
        assertThat(state.isFetchable(System.nanoTime())).isFalse();
        assertThat(state.isWaitingForRelease()).isTrue();
        state.released();
        assertThat(state.isFetchable(System.nanoTime())).isTrue();
        assertThat(state.isWaitingForRelease()).isFalse();
    }

    @Test
    void aPartitionIsCaughtUpOnceItsPositionReachesTheEndTheLatestAnswerGave() {
        assertThat(state.isCaughtUp()).as("no answer yet").isFalse();
        state.endOffset(20);
        state.fetched(10);
        assertThat(state.isCaughtUp()).isFalse();
        state.fetched(20);
        assertThat(state.isCaughtUp()).isTrue();
        state.endOffset(25);
        assertThat(state.isCaughtUp()).as("new records arrived").isFalse();
    }

    @Test
    void aPausedPartitionIsNotWaitingForRelease() {
        state.fetched(10);
        state.fetched(20);
        state.pause(true);
        assertThat(state.isWaitingForRelease()).isFalse();
    }
}
