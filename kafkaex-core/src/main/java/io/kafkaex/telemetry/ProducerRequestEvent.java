package io.kafkaex.telemetry;

/**
 * {@code [:kafkaex, :producer, :request]}, an event of KafkaEx's own (kafka_ex has no batching producer): the
 * batching producer sent one Produce request. It carries the measurements to size batching by: how many records
 * and batches the request holds, their bytes before and after compression, the largest batch, the producer's
 * buffer memory still free, and the Produce requests in flight. Not a span: the batches' {@code produce} spans
 * report each partition's answer. Emitted on the producer's sender thread.
 *
 * @param clientId the producer's client id
 * @param broker the broker the request goes to
 * @param batchCount batches (partitions) in the request
 * @param recordCount records in the request
 * @param bytes the batches' bytes as sent (after compression)
 * @param uncompressedBytes the batches' bytes before compression (equal to {@code bytes} without compression)
 * @param largestBatchBytes the largest batch as sent
 * @param bufferAvailableBytes the producer's buffer memory free when the request was sent
 * @param requestsInFlight the producer's Produce requests awaiting an answer, this one included
 */
public record ProducerRequestEvent(String clientId, BrokerInfo broker, int batchCount, int recordCount, long bytes,
        long uncompressedBytes, int largestBatchBytes, long bufferAvailableBytes, int requestsInFlight)
        implements TelemetryEvent {

    /** Bytes sent per byte of records: below 1 when compression helped, 1 without compression. */
    public double compressionRatio() {
        return uncompressedBytes == 0 ? 1.0 : (double) bytes / uncompressedBytes;
    }

    /** The mean batch size as sent, in bytes. */
    public long averageBatchBytes() {
        return batchCount == 0 ? 0 : bytes / batchCount;
    }

    @Override
    public TelemetryEventName name() {
        return TelemetryEventName.PRODUCER_REQUEST;
    }

    @Override
    public void deliverTo(KafkaExTelemetryListener listener) {
        listener.onProducerRequest(this);
    }
}
