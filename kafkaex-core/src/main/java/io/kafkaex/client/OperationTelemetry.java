package io.kafkaex.client;

import io.kafkaex.telemetry.AsyncSpan;
import io.kafkaex.telemetry.FetchEvent;
import io.kafkaex.telemetry.ProduceEvent;
import io.kafkaex.telemetry.Telemetry;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Reports the client's operations as telemetry spans ({@code produce}, {@code fetch}): each method runs the
 * operation it is given and, when a listener is registered, wraps it in its start / stop / exception events.
 * Without listeners it only runs the operation and builds no event.
 *
 * <p>Stateless apart from its configuration; any thread.
 */
final class OperationTelemetry {

    private final Telemetry telemetry;
    private final String clientId;

    OperationTelemetry(Telemetry telemetry, String clientId) {
        this.telemetry = telemetry;
        this.clientId = clientId;
    }

    /** A {@code produce} span of {@code messageCount} records sent with {@code acks}. */
    CompletableFuture<RecordMetadata> produce(String topic, int partition, int messageCount, Acks acks,
            Supplier<CompletableFuture<RecordMetadata>> operation) {
        if (!telemetry.isEnabled()) {
            return operation.get();
        }
        ProduceEvent.Metadata metadata = new ProduceEvent.Metadata(topic, partition, clientId, acks.wireValue());
        return AsyncSpan.observe(telemetry, new ProduceEvent.Start(metadata, Instant.now(), messageCount), operation,
                (duration, result, outcome) -> new ProduceEvent.Stop(metadata, duration, messageCount,
                        result == null ? -1 : result.baseOffset(), outcome),
                (duration, exception) -> new ProduceEvent.Thrown(metadata, duration, exception));
    }

    /** A {@code fetch} span of one partition from {@code offset}. */
    CompletableFuture<FetchResult> fetch(String topic, int partition, long offset, Supplier<CompletableFuture<FetchResult>> operation) {
        if (!telemetry.isEnabled()) {
            return operation.get();
        }
        FetchEvent.Metadata metadata = new FetchEvent.Metadata(topic, partition, offset, clientId);
        return AsyncSpan.observe(telemetry, new FetchEvent.Start(metadata, Instant.now()), operation,
                (duration, result, outcome) -> new FetchEvent.Stop(metadata, duration,
                        result == null ? 0 : result.records().size(), outcome),
                (duration, exception) -> new FetchEvent.Thrown(metadata, duration, exception));
    }
}
