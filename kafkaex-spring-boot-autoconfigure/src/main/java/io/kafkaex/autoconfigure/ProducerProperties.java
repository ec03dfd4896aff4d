package io.kafkaex.autoconfigure;

import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.partitioner.Partitioners;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.spring.serialization.Serializer;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * Properties under {@code kafkaex.producer}: the producer behind the template. Part of {@link KafkaExProperties};
 * bound at start-up, read-only afterwards.
 */
public class ProducerProperties {

    /**
     * Serializer class for record keys. Unset: chosen by the key's type (String as UTF-8, byte[] as is, Long and
     * Integer big-endian, anything else as JSON through the application's Jackson mapper).
     */
    private Class<? extends Serializer<?>> keySerializer;

    /**
     * Serializer class for record values. Unset: chosen by the value's type (String as UTF-8, byte[] as is, Long and
     * Integer big-endian, anything else as JSON through the application's Jackson mapper).
     */
    private Class<? extends Serializer<?>> valueSerializer;

    /**
     * When set, the template's producers are transactional, with transactional ids made of this prefix and a number,
     * and KafkaExTemplate.executeInTransaction is available.
     */
    private String transactionIdPrefix;

    /**
     * How many replicas must have a batch before the broker acknowledges it: all (every in-sync replica), 1 (the
     * leader) or 0 (no acknowledgement). Idempotence and transactions need all.
     */
    private String acks = "all";

    /** The most bytes (before compression) of one partition's batch. */
    private DataSize batchSize = DataSize.ofBytes(ProducerOptions.DEFAULT_BATCH_SIZE);

    /** How long a batch that is not full waits for more records before it is sent. */
    private Duration linger = ProducerOptions.DEFAULT_LINGER;

    /** The most bytes of records waiting to be sent; a send waits for room at most max-block. */
    private DataSize bufferMemory = DataSize.ofBytes(ProducerOptions.DEFAULT_BUFFER_MEMORY);

    /** The longest a send waits for metadata or buffer space; 0 fails at once. */
    private Duration maxBlock = ProducerOptions.DEFAULT_MAX_BLOCK;

    /** How long the broker may take to answer one Produce request. */
    private Duration requestTimeout = ProducerOptions.DEFAULT_REQUEST_TIMEOUT;

    /**
     * The longest a record may take from send to its acknowledgement, retries included; at least linger plus
     * request-timeout.
     */
    private Duration deliveryTimeout = ProducerOptions.DEFAULT_DELIVERY_TIMEOUT;

    /** The most Produce requests in flight to one broker. */
    private int maxInFlight = ProducerOptions.DEFAULT_MAX_IN_FLIGHT;

    /** The most bytes of one Produce request, and so of one record. */
    private DataSize maxRequestSize = DataSize.ofBytes(ProducerOptions.DEFAULT_MAX_REQUEST_SIZE);

    /** Compression of record batches: none, gzip, snappy, lz4 or zstd (snappy, lz4 and zstd need their library). */
    private CompressionType compressionType = CompressionType.NONE;

    /** Compression level (gzip 1-9, lz4 1-17, zstd up to 22); the codec's default when unset. */
    private Integer compressionLevel;

    /** The wait before the first retry of a failed batch; it doubles with each retry up to retry-backoff-max. */
    private Duration retryBackoff = ProducerOptions.DEFAULT_RETRY_BACKOFF.initialDelay();

    /** The longest wait between two retries of a failed batch. */
    private Duration retryBackoffMax = ProducerOptions.DEFAULT_RETRY_BACKOFF.maxDelay();

    /**
     * Whether the producer is idempotent (retries never write a record twice); unset means on exactly when acks
     * is all.
     */
    private Boolean idempotence;

    /** How long the transaction coordinator lets a transaction stay open before it aborts it. */
    private Duration transactionTimeout = ProducerOptions.DEFAULT_TRANSACTION_TIMEOUT;

    /**
     * Partitioner of records sent without a partition: default (keys hashed as the Java client does, records without
     * a key stick to a partition per batch), legacy (kafka_ex's hashing) or round-robin (keys ignored).
     */
    private Partitioners partitioner = Partitioners.DEFAULT;

    public Class<? extends Serializer<?>> getKeySerializer() {
        return keySerializer;
    }

    public void setKeySerializer(Class<? extends Serializer<?>> keySerializer) {
        this.keySerializer = keySerializer;
    }

    public Class<? extends Serializer<?>> getValueSerializer() {
        return valueSerializer;
    }

    public void setValueSerializer(Class<? extends Serializer<?>> valueSerializer) {
        this.valueSerializer = valueSerializer;
    }

    public String getTransactionIdPrefix() {
        return transactionIdPrefix;
    }

    public void setTransactionIdPrefix(String transactionIdPrefix) {
        this.transactionIdPrefix = transactionIdPrefix;
    }

    public String getAcks() {
        return acks;
    }

    public void setAcks(String acks) {
        this.acks = acks;
    }

    public DataSize getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(DataSize batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getLinger() {
        return linger;
    }

    public void setLinger(Duration linger) {
        this.linger = linger;
    }

    public DataSize getBufferMemory() {
        return bufferMemory;
    }

    public void setBufferMemory(DataSize bufferMemory) {
        this.bufferMemory = bufferMemory;
    }

    public Duration getMaxBlock() {
        return maxBlock;
    }

    public void setMaxBlock(Duration maxBlock) {
        this.maxBlock = maxBlock;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public void setDeliveryTimeout(Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public CompressionType getCompressionType() {
        return compressionType;
    }

    public void setCompressionType(CompressionType compressionType) {
        this.compressionType = compressionType;
    }

    public Integer getCompressionLevel() {
        return compressionLevel;
    }

    public void setCompressionLevel(Integer compressionLevel) {
        this.compressionLevel = compressionLevel;
    }

    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public Duration getRetryBackoffMax() {
        return retryBackoffMax;
    }

    public void setRetryBackoffMax(Duration retryBackoffMax) {
        this.retryBackoffMax = retryBackoffMax;
    }

    public Boolean getIdempotence() {
        return idempotence;
    }

    public void setIdempotence(Boolean idempotence) {
        this.idempotence = idempotence;
    }

    public Duration getTransactionTimeout() {
        return transactionTimeout;
    }

    public void setTransactionTimeout(Duration transactionTimeout) {
        this.transactionTimeout = transactionTimeout;
    }

    public Partitioners getPartitioner() {
        return partitioner;
    }

    public void setPartitioner(Partitioners partitioner) {
        this.partitioner = partitioner;
    }
}
