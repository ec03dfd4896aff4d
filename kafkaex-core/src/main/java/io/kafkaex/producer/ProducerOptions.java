package io.kafkaex.producer;

import io.kafkaex.client.Acks;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.producer.partitioner.DefaultPartitioner;
import io.kafkaex.producer.partitioner.Partitioner;
import io.kafkaex.protocol.record.compression.CompressionCodec;
import io.kafkaex.protocol.record.compression.CompressionCodecs;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.retry.Backoff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a {@link KafkaExProducer}, immutable and validated when built (every invalid value named at
 * once). The connection settings are the client's ({@link KafkaExClientOptions}); the defaults of the rest are
 * Kafka 4's producer defaults.
 */
public final class ProducerOptions {

    public static final Acks DEFAULT_ACKS = Acks.ALL;
    public static final int DEFAULT_BATCH_SIZE = 16_384;
    /** As Kafka 4's {@code linger.ms}. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(5);
    public static final long DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_IN_FLIGHT = 5;
    public static final int DEFAULT_MAX_REQUEST_SIZE = 1_048_576;
    public static final Backoff DEFAULT_RETRY_BACKOFF = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));
    /** As Kafka's {@code transaction.timeout.ms}: the coordinator aborts a transaction left open longer. */
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(1);

    private final KafkaExClientOptions client;
    private final Acks acks;
    private final int batchSize;
    private final Duration linger;
    private final long bufferMemory;
    private final Duration maxBlock;
    private final Duration requestTimeout;
    private final Duration deliveryTimeout;
    private final int maxInFlight;
    private final int maxRequestSize;
    private final CompressionType compression;
    private final CompressionCodec codec;
    private final Backoff retryBackoff;
    private final Partitioner partitioner;
    private final boolean idempotence;
    private final String transactionalId;
    private final Duration transactionTimeout;

    private ProducerOptions(Builder builder) {
        this.idempotence = builder.idempotence != null ? builder.idempotence : builder.acks == Acks.ALL;
        this.transactionalId = builder.transactionalId;
        this.transactionTimeout = builder.transactionTimeout;
        this.client = builder.client;
        this.acks = builder.acks;
        this.batchSize = builder.batchSize;
        this.linger = builder.linger;
        this.bufferMemory = builder.bufferMemory;
        this.maxBlock = builder.maxBlock;
        this.requestTimeout = builder.requestTimeout;
        this.deliveryTimeout = builder.deliveryTimeout;
        this.maxInFlight = builder.maxInFlight;
        this.maxRequestSize = builder.maxRequestSize;
        this.compression = builder.compression;
        this.codec = builder.codec;
        this.retryBackoff = builder.retryBackoff;
        this.partitioner = builder.partitioner != null ? builder.partitioner : new DefaultPartitioner(builder.batchSize);
    }

    /** A builder for a producer connecting as {@code client} says. */
    public static Builder builder(KafkaExClientOptions client) {
        return new Builder(client);
    }

    public KafkaExClientOptions client() {
        return client;
    }

    /** How many replicas must have a batch before the broker answers; {@code ALL} by default. */
    public Acks acks() {
        return acks;
    }

    /** The most bytes (before compression) of one partition's batch; 16 KiB by default. */
    public int batchSize() {
        return batchSize;
    }

    /** How long a batch that is not full waits for more records; 5 ms by default, as in Kafka 4. */
    public Duration linger() {
        return linger;
    }

    /** The most bytes of records waiting to be sent; {@code send} waits for room at most {@link #maxBlock()}. */
    public long bufferMemory() {
        return bufferMemory;
    }

    /** The longest {@code send} waits for metadata or buffer space; zero fails at once. 60 s by default. */
    public Duration maxBlock() {
        return maxBlock;
    }

    /** How long the broker may take to answer one Produce request; 30 s by default. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The longest a record may take from {@code send} to its acknowledgement, retries included; 2 min by default. */
    public Duration deliveryTimeout() {
        return deliveryTimeout;
    }

    /** The most Produce requests in flight to one broker; 5 by default. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** The most bytes of one Produce request, and so of one record; 1 MiB by default. */
    public int maxRequestSize() {
        return maxRequestSize;
    }

    /** How batches are compressed; none by default. */
    public CompressionType compression() {
        return compression;
    }

    /** The codec batches are compressed with, at the configured level. */
    public CompressionCodec codec() {
        return codec;
    }

    /** The wait before a retry, growing with each; 100 ms up to 1 s by default. */
    public Backoff retryBackoff() {
        return retryBackoff;
    }

    /** Chooses the partition of records sent without one. */
    public Partitioner partitioner() {
        return partitioner;
    }

    /**
     * Whether the producer is idempotent: the broker drops a batch it already has, so retries never write twice.
     * On by default with acks=ALL, which it needs.
     */
    public boolean idempotence() {
        return idempotence;
    }

    /** The transactional id, or {@code null} for a producer that does not use transactions. */
    public String transactionalId() {
        return transactionalId;
    }

    public boolean transactional() {
        return transactionalId != null;
    }

    /** How long the transaction coordinator lets a transaction stay open before it aborts it. */
    public Duration transactionTimeout() {
        return transactionTimeout;
    }

    @Override
    public String toString() {
        return "ProducerOptions[client=" + client + ", acks=" + acks + ", batchSize=" + batchSize + ", linger=" + linger
                + ", bufferMemory=" + bufferMemory + ", maxBlock=" + maxBlock + ", requestTimeout=" + requestTimeout
                + ", deliveryTimeout=" + deliveryTimeout + ", maxInFlight=" + maxInFlight + ", maxRequestSize=" + maxRequestSize
                + ", compression=" + compression + ", idempotence=" + idempotence
                + (transactionalId == null ? "" : ", transactionalId=" + transactionalId + ", transactionTimeout=" + transactionTimeout)
                + ", partitioner=" + partitioner.getClass().getSimpleName() + "]";
    }

    /** Collects option values; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {

        private final KafkaExClientOptions client;
        private Acks acks = DEFAULT_ACKS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration linger = DEFAULT_LINGER;
        private long bufferMemory = DEFAULT_BUFFER_MEMORY;
        private Duration maxBlock = DEFAULT_MAX_BLOCK;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private int maxRequestSize = DEFAULT_MAX_REQUEST_SIZE;
        private CompressionType compression = CompressionType.NONE;
        private Integer compressionLevel;
        private CompressionCodec codec;
        private Backoff retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Partitioner partitioner;
        private Boolean idempotence;
        private String transactionalId;
        private Duration transactionTimeout = DEFAULT_TRANSACTION_TIMEOUT;

        private Builder(KafkaExClientOptions client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        public Builder acks(Acks acks) {
            this.acks = acks;
            return this;
        }

        public Builder batchSize(int bytes) {
            this.batchSize = bytes;
            return this;
        }

        public Builder linger(Duration linger) {
            this.linger = linger;
            return this;
        }

        public Builder bufferMemory(long bytes) {
            this.bufferMemory = bytes;
            return this;
        }

        /** Zero makes {@code send} fail at once instead of waiting for metadata or buffer space. */
        public Builder maxBlock(Duration maxBlock) {
            this.maxBlock = maxBlock;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder deliveryTimeout(Duration timeout) {
            this.deliveryTimeout = timeout;
            return this;
        }

        public Builder maxInFlight(int requests) {
            this.maxInFlight = requests;
            return this;
        }

        public Builder maxRequestSize(int bytes) {
            this.maxRequestSize = bytes;
            return this;
        }

        public Builder compression(CompressionType compression) {
            this.compression = compression;
            return this;
        }

        /** The compression level: gzip 1–9, lz4 1–17, zstd up to 22; the codec's default when not set. */
        public Builder compressionLevel(int level) {
            this.compressionLevel = level;
            return this;
        }

        public Builder retryBackoff(Backoff backoff) {
            this.retryBackoff = backoff;
            return this;
        }

        /** Switches idempotence on or off; by default it is on exactly when acks is ALL. */
        public Builder idempotence(boolean idempotent) {
            this.idempotence = idempotent;
            return this;
        }

        /**
         * Makes the producer transactional under {@code id}: records are sent inside
         * {@link KafkaExProducer#beginTransaction()} … {@link KafkaExProducer#commitTransaction()}, and a newer producer
         * with the same id fences this one. Needs idempotence (on by default) and acks ALL.
         */
        public Builder transactionalId(String id) {
            this.transactionalId = id;
            return this;
        }

        /** How long the coordinator lets a transaction stay open before aborting it; one minute by default. */
        public Builder transactionTimeout(Duration timeout) {
            this.transactionTimeout = timeout;
            return this;
        }

        /** A partitioner of your own; the default is {@link DefaultPartitioner} with this producer's batch size. */
        public Builder partitioner(Partitioner partitioner) {
            this.partitioner = partitioner;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException naming every invalid option and what it allows
         */
        public ProducerOptions build() {
            List<String> problems = new ArrayList<>();
            if (acks == null) {
                problems.add("acks is required: NONE, LEADER or ALL");
            }
            if (compression == null) {
                problems.add("compression is required: NONE, GZIP, SNAPPY, LZ4 or ZSTD");
            }
            if (compression != null) {
                try {
                    codec = compressionLevel == null ? CompressionCodecs.forType(compression)
                            : CompressionCodecs.forType(compression, compressionLevel);
                } catch (RuntimeException e) {
                    problems.add("compression " + compression + (compressionLevel == null ? "" : " level " + compressionLevel)
                            + ": " + e.getMessage());
                }
            }
            if (retryBackoff == null) {
                problems.add("retryBackoff is required");
            }
            if (Boolean.TRUE.equals(idempotence) && acks != null && acks != Acks.ALL) {
                problems.add("idempotence needs acks ALL, was " + acks + " (switch idempotence off for acks " + acks + ")");
            }
            if (transactionalId != null) {
                if (transactionalId.isBlank()) {
                    problems.add("transactionalId must not be blank (leave it unset for a producer without transactions)");
                }
                if (Boolean.FALSE.equals(idempotence)) {
                    problems.add("a transactional producer is idempotent: remove idempotence(false) or the transactionalId");
                }
                if (acks != null && acks != Acks.ALL) {
                    problems.add("a transactional producer needs acks ALL, was " + acks);
                }
                positive(problems, "transactionTimeout", transactionTimeout);
                if (transactionTimeout != null && transactionTimeout.toMillis() > Integer.MAX_VALUE) {
                    problems.add("transactionTimeout must be at most " + Integer.MAX_VALUE + " ms, was " + transactionTimeout);
                }
            }
            atLeast(problems, "batchSize", batchSize, 1);
            atLeast(problems, "maxInFlight", maxInFlight, 1);
            atLeast(problems, "maxRequestSize", maxRequestSize, 1);
            if (bufferMemory < batchSize) {
                problems.add("bufferMemory must hold at least one batch (batchSize " + batchSize + "), was " + bufferMemory);
            }
            notNegative(problems, "linger", linger);
            notNegative(problems, "maxBlock", maxBlock);
            positive(problems, "requestTimeout", requestTimeout);
            positive(problems, "deliveryTimeout", deliveryTimeout);
            if (linger != null && requestTimeout != null && deliveryTimeout != null
                    && deliveryTimeout.compareTo(linger.plus(requestTimeout)) < 0) {
                problems.add("deliveryTimeout must be at least linger + requestTimeout (" + linger.plus(requestTimeout)
                        + "), was " + deliveryTimeout);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid producer options: " + String.join("; ", problems));
            }
            return new ProducerOptions(this);
        }

        private static void atLeast(List<String> problems, String name, long value, long minimum) {
            if (value < minimum) {
                problems.add(name + " must be at least " + minimum + ", was " + value);
            }
        }

        private static void notNegative(List<String> problems, String name, Duration value) {
            if (value == null || value.isNegative()) {
                problems.add(name + " must be zero or more, was " + value);
            }
        }

        private static void positive(List<String> problems, String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                problems.add(name + " must be positive, was " + value);
            }
        }
    }
}
