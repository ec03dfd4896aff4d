package io.kafkaex.producer;

import io.kafkaex.cluster.Node;
import io.kafkaex.telemetry.BrokerInfo;
import io.kafkaex.telemetry.Outcome;
import io.kafkaex.telemetry.ProduceEvent;
import io.kafkaex.telemetry.ProducerRequestEvent;
import io.kafkaex.telemetry.Telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reports each attempt to send a batch as kafka_ex's {@code produce} span: start when its Produce request goes
 * out, stop when the broker answered for its partition or the attempt failed (a retried batch has one span
 * per attempt); and each Produce request as KafkaEx's {@link ProducerRequestEvent} with its batches' measurements.
 * Costs nothing when no listener is registered.
 *
 * <p>Thread-safe: started on the sender thread, stopped on the network event loop.
 */
final class ProducerTelemetry {

    private final Telemetry telemetry;
    private final String clientId;
    private final short acks;

    ProducerTelemetry(Telemetry telemetry, String clientId, short acks) {
        this.telemetry = telemetry;
        this.clientId = clientId;
        this.acks = acks;
    }

    /** One attempt of one batch: its metadata and when it started. */
    record Span(ProduceEvent.Metadata metadata, long startNanos, int messageCount) {
    }

    /** Emits the start of an attempt to send {@code batch}; {@code null} when telemetry is off. */
    Span started(ProducerBatch batch) {
        if (!telemetry.isEnabled()) {
            return null;
        }
        ProduceEvent.Metadata metadata = new ProduceEvent.Metadata(batch.partition.topic(), batch.partition.partition(),
                clientId, acks);
        Span span = new Span(metadata, System.nanoTime(), batch.recordCount());
        telemetry.emit(new ProduceEvent.Start(metadata, Instant.now(), span.messageCount()));
        return span;
    }

    /** Emits the measurements of a Produce request to {@code leader} holding {@code batches} (closed). */
    void requestSent(Node leader, List<ProducerBatch> batches, long bufferAvailable, int requestsInFlight) {
        if (!telemetry.isEnabled()) {
            return;
        }
        int records = 0;
        long bytes = 0;
        long uncompressed = 0;
        int largest = 0;
        for (ProducerBatch batch : batches) {
            records += batch.recordCount();
            bytes += batch.sizeInBytes();
            uncompressed += batch.uncompressedSize();
            largest = Math.max(largest, batch.sizeInBytes());
        }
        telemetry.emit(new ProducerRequestEvent(clientId, new BrokerInfo(leader.id(), leader.host(), leader.port()), batches.size(),
                records, bytes, uncompressed, largest, bufferAvailable, requestsInFlight));
    }

    /** Emits the end of an attempt: acknowledged at {@code baseOffset} (-1 when unknown), or failed with {@code error}. */
    void ended(Span span, long baseOffset, Throwable error) {
        if (span == null) {
            return;
        }
        Outcome outcome = error == null ? Outcome.ok() : Outcome.error(error);
        telemetry.emit(new ProduceEvent.Stop(span.metadata(), Duration.ofNanos(System.nanoTime() - span.startNanos()),
                span.messageCount(), error == null ? baseOffset : -1, outcome));
    }
}
