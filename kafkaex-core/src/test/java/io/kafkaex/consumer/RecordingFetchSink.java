package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A test sink that keeps what the fetcher hands over; chunks are released at once unless told otherwise, and each is
 * noted with the number of Fetch requests started when it arrived.
 */
final class RecordingFetchSink implements FetchSink {

    /** A chunk and how many Fetch requests had started when it arrived. */
    record Arrival(FetchedChunk chunk, int fetchRequests) {
    }

    private final BlockingQueue<Arrival> chunks = new LinkedBlockingQueue<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    private final boolean releaseAtOnce;
    private final IntSupplier fetchRequests;
    private volatile Fetcher fetcher;

    RecordingFetchSink(boolean releaseAtOnce, IntSupplier fetchRequests) {
        this.releaseAtOnce = releaseAtOnce;
        this.fetchRequests = fetchRequests;
    }

    void attach(Fetcher attached) {
        this.fetcher = attached;
    }

    @Override
    public void fetched(FetchedChunk chunk) {
        chunks.add(new Arrival(chunk, fetchRequests.getAsInt()));
        if (releaseAtOnce) {
            fetcher.release(chunk);
        }
    }

    @Override
    public void watermarks(TopicPartition partition, long highWatermark, long lastStableOffset, long logStartOffset) {
    }

    @Override
    public void failed(TopicPartition partition, RuntimeException error) {
        failures.add(error);
    }

    /** The next chunk to arrive within {@code timeout}, or {@code null}. */
    Arrival next(Duration timeout) throws InterruptedException {
        return chunks.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<RuntimeException> failures() {
        return List.copyOf(failures);
    }
}
