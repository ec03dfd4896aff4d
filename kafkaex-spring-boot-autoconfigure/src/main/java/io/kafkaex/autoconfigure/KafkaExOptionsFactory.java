package io.kafkaex.autoconfigure;

import io.kafkaex.client.Acks;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.consumer.FetcherOptions;
import io.kafkaex.consumer.assignor.PartitionAssignors;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.partitioner.Partitioners;
import io.kafkaex.retry.Backoff;
import io.kafkaex.security.AwsCredentialsProvider;
import io.kafkaex.security.OAuthBearerTokenProvider;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@code kafkaex.*} properties, the {@link KafkaExConnectionDetails} and the customizer beans into core option
 * objects: the one place where Spring configuration meets {@code kafkaex-core}. Every bean that creates a client,
 * producer or consumer-group member asks this factory for its options. A value the core rejects fails with an
 * {@link InvalidKafkaExPropertyException} naming the {@code kafkaex.*} property; the security properties are checked
 * when the factory is created.
 *
 * <p>Thread-safe: it only reads configuration bound at start-up.
 */
public class KafkaExOptionsFactory {

    private static final String POSITIVE = "a positive duration";
    private static final String NOT_NEGATIVE = "zero or a positive duration";
    /** Group and topic of the consumer options {@link #checkProperties} maps; never used to connect. */
    private static final String PROPERTY_CHECK = "kafkaex-property-check";

    private final KafkaExProperties properties;
    private final KafkaExConnectionDetails connection;
    private final SecurityPropertiesMapper security;
    private final List<KafkaExClientOptionsCustomizer> clientCustomizers;
    private final List<KafkaExProducerOptionsCustomizer> producerCustomizers;
    private final List<KafkaExConsumerGroupOptionsCustomizer> consumerCustomizers;

    /** A factory for an application without SSL bundles, OAUTHBEARER token provider or AWS credentials provider. */
    public KafkaExOptionsFactory(KafkaExProperties properties, KafkaExConnectionDetails connection,
            List<KafkaExClientOptionsCustomizer> clientCustomizers,
            List<KafkaExProducerOptionsCustomizer> producerCustomizers,
            List<KafkaExConsumerGroupOptionsCustomizer> consumerCustomizers) {
        this(properties, connection, new SecurityBeans(null, null, null), clientCustomizers, producerCustomizers,
                consumerCustomizers);
    }

    /**
     * @param securityBeans the application's beans that {@code kafkaex.ssl.bundle} and {@code kafkaex.sasl.*} use
     * @throws InvalidKafkaExPropertyException when a security property is missing or cannot be used
     */
    public KafkaExOptionsFactory(KafkaExProperties properties, KafkaExConnectionDetails connection,
            SecurityBeans securityBeans, List<KafkaExClientOptionsCustomizer> clientCustomizers,
            List<KafkaExProducerOptionsCustomizer> producerCustomizers,
            List<KafkaExConsumerGroupOptionsCustomizer> consumerCustomizers) {
        this.properties = properties;
        this.connection = connection;
        this.security = new SecurityPropertiesMapper(properties, securityBeans.sslBundles(),
                securityBeans.tokenProvider(), securityBeans.awsCredentials());
        this.clientCustomizers = List.copyOf(clientCustomizers);
        this.producerCustomizers = List.copyOf(producerCustomizers);
        this.consumerCustomizers = List.copyOf(consumerCustomizers);
    }

    /**
     * Options of a client whose id is {@code kafkaex.client-id} (or {@code defaultClientId} when unset) followed by
     * {@code suffix} when one is given (e.g. {@code -producer}, {@code -listener-orders-0}).
     */
    public KafkaExClientOptions clientOptions(String defaultClientId, String suffix) {
        KafkaExClientOptions.Builder builder = mappedClientOptions(defaultClientId, suffix);
        clientCustomizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    private KafkaExClientOptions.Builder mappedClientOptions(String defaultClientId, String suffix) {
        String base = properties.getClientId() != null ? properties.getClientId() : defaultClientId;
        KafkaExProperties p = properties;
        PropertyMapping<KafkaExClientOptions.Builder> mapping = new PropertyMapping<KafkaExClientOptions.Builder>()
                .map("kafkaex.bootstrap-servers", String.join(",", connection.getBootstrapServers()),
                        "host:port pairs separated by commas, IPv6 addresses as [address]:port",
                        KafkaExClientOptions.Builder::bootstrapServers)
                .map("kafkaex.client-id", suffix == null ? base : base + suffix, "a non-blank id",
                        KafkaExClientOptions.Builder::clientId)
                .map("kafkaex.request-timeout", p.getRequestTimeout(), POSITIVE,
                        KafkaExClientOptions.Builder::requestTimeout)
                .map("kafkaex.connect-timeout", p.getConnectTimeout(), POSITIVE,
                        KafkaExClientOptions.Builder::connectTimeout)
                .map("kafkaex.metadata-refresh-interval", p.getMetadataRefreshInterval(), POSITIVE,
                        KafkaExClientOptions.Builder::metadataRefreshInterval)
                .map("kafkaex.metadata-min-backoff", p.getMetadataMinBackoff(), NOT_NEGATIVE,
                        KafkaExClientOptions.Builder::metadataMinBackoff)
                .map("kafkaex.retries", p.getRetries(), "0 or more", KafkaExClientOptions.Builder::maxRetries)
                .map("kafkaex.retry-backoff", p.getRetryBackoff(), NOT_NEGATIVE + " not above kafkaex.retry-backoff-max ("
                        + p.getRetryBackoffMax() + ")",
                        (builder, initial) -> builder.retryBackoff(initial, p.getRetryBackoffMax()))
                .map("kafkaex.reconnect-backoff", p.getReconnectBackoff(), NOT_NEGATIVE
                        + " not above kafkaex.reconnect-backoff-max (" + p.getReconnectBackoffMax() + ")",
                        (builder, initial) -> builder.reconnectBackoff(initial, p.getReconnectBackoffMax()))
                .map("kafkaex.connections-max-idle", p.getConnectionsMaxIdle(), POSITIVE,
                        KafkaExClientOptions.Builder::connectionMaxIdle)
                .map("kafkaex.max-in-flight-per-connection", p.getMaxInFlightPerConnection(), "at least 1",
                        KafkaExClientOptions.Builder::maxInFlightPerConnection)
                .map("kafkaex.max-response-size", p.getMaxResponseSize(), "at least 1KB and below 2GB",
                        (builder, size) -> builder.maxResponseBytes(bytes(size)));
        security.mapTo(mapping);
        return mapping.apply(KafkaExClientOptions::builder, KafkaExClientOptions.Builder::build);
    }

    /** Options of the template's producer, with its own client ({@code <client-id>-producer}), customizers applied. */
    public ProducerOptions.Builder producerOptions(String defaultClientId) {
        return producerOptions(defaultClientId, "producer");
    }

    /**
     * Options of a producer with its own client ({@code <client-id>-<role>}, e.g. {@code dead-letter-producer}),
     * customizers applied. Every producer of the application has its own role, so client ids (and the meters tagged
     * with them) never collide.
     */
    public ProducerOptions.Builder producerOptions(String defaultClientId, String role) {
        ProducerOptions.Builder builder = mappedProducerOptions(clientOptions(defaultClientId, "-" + role));
        producerCustomizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /**
     * Maps every {@code kafkaex.*} property this factory uses, without customizers, so that an invalid value fails
     * the start-up even before a producer or listener is created.
     *
     * @throws InvalidKafkaExPropertyException naming the first property whose value the core rejects
     */
    void checkProperties(String defaultClientId) {
        KafkaExClientOptions client = mappedClientOptions(defaultClientId, null).build();
        mappedProducerOptions(client);
        String groupId = properties.getConsumer().getGroupId();
        mappedConsumerGroupOptions(client, "check", 0,
                groupId == null || groupId.isBlank() ? PROPERTY_CHECK : groupId, List.of(PROPERTY_CHECK));
    }

    private ProducerOptions.Builder mappedProducerOptions(KafkaExClientOptions client) {
        ProducerProperties p = properties.getProducer();
        String transactional = "all when idempotence is on (its default with acks all) or"
                + " kafkaex.producer.transaction-id-prefix is set";
        return new PropertyMapping<ProducerOptions.Builder>()
                .map("kafkaex.producer.acks", p.getAcks(), transactional + "; else all, 1 or 0",
                        (target, acks) -> target.acks(acks(acks)))
                .map("kafkaex.producer.idempotence", p.getIdempotence(), "true only with kafkaex.producer.acks all,"
                        + " and not false when kafkaex.producer.transaction-id-prefix is set",
                        ProducerOptions.Builder::idempotence)
                .map("kafkaex.producer.delivery-timeout", p.getDeliveryTimeout(), POSITIVE + " of at least"
                        + " kafkaex.producer.linger + kafkaex.producer.request-timeout",
                        ProducerOptions.Builder::deliveryTimeout)
                .map("kafkaex.producer.buffer-memory", p.getBufferMemory(), "a size of at least"
                        + " kafkaex.producer.batch-size", (target, size) -> target.bufferMemory(size.toBytes()))
                .map("kafkaex.producer.batch-size", p.getBatchSize(), "a size of at least 1B and at most"
                        + " kafkaex.producer.buffer-memory", (target, size) -> target.batchSize(bytes(size)))
                .map("kafkaex.producer.linger", p.getLinger(), NOT_NEGATIVE, ProducerOptions.Builder::linger)
                .map("kafkaex.producer.max-block", p.getMaxBlock(), NOT_NEGATIVE, ProducerOptions.Builder::maxBlock)
                .map("kafkaex.producer.request-timeout", p.getRequestTimeout(), POSITIVE,
                        ProducerOptions.Builder::requestTimeout)
                .map("kafkaex.producer.max-in-flight", p.getMaxInFlight(), "at least 1",
                        ProducerOptions.Builder::maxInFlight)
                .map("kafkaex.producer.max-request-size", p.getMaxRequestSize(), "a size of at least 1B and below 2GB",
                        (target, size) -> target.maxRequestSize(bytes(size)))
                .map("kafkaex.producer.compression-type", p.getCompressionType(), "none, gzip, snappy, lz4 or zstd,"
                        + " with the compression library it needs on the classpath",
                        ProducerOptions.Builder::compression)
                .map("kafkaex.producer.compression-level", p.getCompressionLevel(), "a level of"
                        + " kafkaex.producer.compression-type (gzip 1-9, lz4 1-17, zstd up to 22), or unset",
                        ProducerOptions.Builder::compressionLevel)
                .map("kafkaex.producer.retry-backoff", p.getRetryBackoff(), POSITIVE
                        + " not above kafkaex.producer.retry-backoff-max (" + p.getRetryBackoffMax() + ")",
                        (target, initial) -> target.retryBackoff(Backoff.exponential(initial, p.getRetryBackoffMax())))
                .map("kafkaex.producer.transaction-timeout", p.getTransactionTimeout(), POSITIVE
                        + " of at most 24 days", ProducerOptions.Builder::transactionTimeout)
                .map("kafkaex.producer.partitioner", p.getPartitioner() == Partitioners.DEFAULT ? null
                        : p.getPartitioner(), "default, legacy or round-robin",
                        (target, partitioner) -> target.partitioner(partitioner.create(bytes(p.getBatchSize()))))
                .check("kafkaex.producer.transaction-id-prefix", p.getTransactionIdPrefix(),
                        "a non-blank prefix; transactions need kafkaex.producer.acks all and idempotence on",
                        ProducerOptions.Builder::transactionalId)
                .apply(() -> ProducerOptions.builder(client), ProducerOptions.Builder::build);
    }

    /**
     * Options of one consumer-group member of listener {@code listenerId}, with its own client
     * ({@code <client-id>-<listenerId>-<index>}); {@code kafkaex.consumer.*} and the customizers applied. With
     * {@code kafkaex.consumer.group-instance-id} set, the member's static instance id is that id followed by
     * {@code -<listenerId>-<index>}.
     */
    public ConsumerGroupOptions.Builder consumerGroupOptions(String defaultClientId, String listenerId, int index,
            String groupId, List<String> topics) {
        KafkaExClientOptions client = clientOptions(defaultClientId, "-" + listenerId + "-" + index);
        ConsumerGroupOptions.Builder builder = mappedConsumerGroupOptions(client, listenerId, index, groupId, topics);
        consumerCustomizers.forEach(customizer -> customizer.customize(listenerId, builder));
        return builder;
    }

    private ConsumerGroupOptions.Builder mappedConsumerGroupOptions(KafkaExClientOptions client, String listenerId,
            int index, String groupId, List<String> topics) {
        String memberSuffix = "-" + listenerId + "-" + index;
        ConsumerProperties p = properties.getConsumer();
        FetcherOptions fetch = fetchOptions(p);
        return new PropertyMapping<ConsumerGroupOptions.Builder>()
                .map("kafkaex.consumer.auto-offset-reset", p.getAutoOffsetReset(), "earliest, latest or none",
                        ConsumerGroupOptions.Builder::autoOffsetReset)
                .map("kafkaex.consumer.group-protocol", p.getGroupProtocol(), "classic or consumer",
                        ConsumerGroupOptions.Builder::groupProtocol)
                .map("kafkaex.consumer.server-assignor", p.getServerAssignor(), "a non-blank assignor name, and only"
                        + " with kafkaex.consumer.group-protocol consumer", ConsumerGroupOptions.Builder::serverAssignor)
                .map("kafkaex.consumer.session-timeout", p.getSessionTimeout(), POSITIVE + " longer than"
                        + " kafkaex.consumer.heartbeat-interval", ConsumerGroupOptions.Builder::sessionTimeout)
                .map("kafkaex.consumer.heartbeat-interval", p.getHeartbeatInterval(), POSITIVE + " shorter than"
                        + " kafkaex.consumer.session-timeout", ConsumerGroupOptions.Builder::heartbeatInterval)
                .map("kafkaex.consumer.rebalance-timeout", p.getRebalanceTimeout(), POSITIVE,
                        ConsumerGroupOptions.Builder::rebalanceTimeout)
                .map("kafkaex.consumer.assignors", p.getAssignors(), "one or more of range, roundrobin,"
                        + " cooperative-sticky, each once", (target, names) -> target.assignors(
                                names.stream().map(PartitionAssignors::byName).toList()))
                .map("kafkaex.consumer.commit-interval", p.getCommitInterval(), POSITIVE,
                        ConsumerGroupOptions.Builder::commitInterval)
                .map("kafkaex.consumer.commit-threshold", p.getCommitThreshold(), "0 or more (0 commits after every"
                        + " batch)", ConsumerGroupOptions.Builder::commitThreshold)
                .map("kafkaex.consumer.shutdown-timeout", p.getShutdownTimeout(), POSITIVE,
                        ConsumerGroupOptions.Builder::shutdownTimeout)
                .map("kafkaex.consumer.group-instance-id", p.getGroupInstanceId(), "a non-blank id",
                        (target, id) -> target.groupInstanceId(id.isBlank() ? id : id + memberSuffix))
                .map("kafkaex.consumer.rack", p.getRack(), "a rack id", ConsumerGroupOptions.Builder::rackId)
                .apply(() -> ConsumerGroupOptions.builder(client, groupId, topics).fetch(fetch),
                        ConsumerGroupOptions.Builder::build);
    }

    private static FetcherOptions fetchOptions(ConsumerProperties p) {
        return new PropertyMapping<FetcherOptions>()
                .map("kafkaex.consumer.fetch-min-size", p.getFetchMinSize(), "a size of 0B or more, below 2GB",
                        (fetch, size) -> fetch.withMinBytes(bytes(size)))
                .map("kafkaex.consumer.fetch-max-size", p.getFetchMaxSize(), "a size of at least 1B, below 2GB",
                        (fetch, size) -> fetch.withMaxBytes(bytes(size)))
                .map("kafkaex.consumer.fetch-max-wait", p.getFetchMaxWait(), NOT_NEGATIVE + " below 25 days",
                        FetcherOptions::withMaxWait)
                .map("kafkaex.consumer.max-partition-fetch-size", p.getMaxPartitionFetchSize(), "a size of at least"
                        + " 1B, below 2GB", (fetch, size) -> fetch.withPartitionMaxBytes(bytes(size)))
                .map("kafkaex.consumer.max-buffered-size", p.getMaxBufferedSize(), "a size of at least 1B",
                        (fetch, size) -> fetch.withMaxBufferedBytes(size.toBytes()))
                .map("kafkaex.consumer.isolation-level", p.getIsolationLevel(), "read-uncommitted or read-committed",
                        (fetch, level) -> fetch.withReadCommitted(level == ConsumerProperties.IsolationLevel.READ_COMMITTED))
                .apply(FetcherOptions::defaults, fetch -> { });
    }

    /** {@code all}/{@code -1}, {@code 1}/{@code leader}, {@code 0}/{@code none}. */
    private static Acks acks(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "all", "-1" -> Acks.ALL;
            case "1", "leader" -> Acks.LEADER;
            case "0", "none" -> Acks.NONE;
            default -> throw new InvalidKafkaExPropertyException("kafkaex.producer.acks", value,
                    "all (or -1), 1 (or leader) or 0 (or none)", null);
        };
    }

    private static int bytes(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(size + " is more than " + Integer.MAX_VALUE + " bytes");
        }
        return (int) bytes;
    }

    /**
     * The application's beans that security properties refer to; each may be {@code null}.
     *
     * @param sslBundles     resolves {@code kafkaex.ssl.bundle}
     * @param tokenProvider  supplies the tokens of {@code kafkaex.sasl.mechanism=OAUTHBEARER}
     * @param awsCredentials signs {@code kafkaex.sasl.mechanism=AWS_MSK_IAM}; the AWS SDK's default chain when null
     */
    public record SecurityBeans(SslBundles sslBundles, OAuthBearerTokenProvider tokenProvider,
            AwsCredentialsProvider awsCredentials) {
    }
}
