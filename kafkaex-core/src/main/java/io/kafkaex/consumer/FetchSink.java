package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;

/**
 * Where the {@link Fetcher} hands over what it fetched. Every method is called on the client's network event loop
 * and must return at once (hand the work to another thread); it must not call back into the fetcher synchronously
 * with blocking work.
 */
interface FetchSink {

    /**
     * Records of one partition from one Fetch response, or a chunk without records that moves the position past
     * records nobody may see (control records, aborted transactions). Never called for a fetch that returned
     * nothing new. The chunk holds its {@link FetchedChunk#sizeInBytes()} of the fetcher's memory until it is given
     * back with {@link Fetcher#release(FetchedChunk)}.
     */
    void fetched(FetchedChunk chunk);

    /** The partition's watermarks as the latest Fetch response gave them, also when it brought no records. */
    void watermarks(TopicPartition partition, long highWatermark, long lastStableOffset, long logStartOffset);

    /**
     * The partition cannot be fetched until the application acts, e.g. its position is out of range and the reset
     * policy is {@code NONE}, or the topic may not be read. The fetcher stops fetching it until it is seeked or
     * assigned again.
     */
    void failed(TopicPartition partition, RuntimeException error);
}
