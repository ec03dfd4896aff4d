package io.kafkaex.autoconfigure;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.network.NetworkOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of KafkaEx under the {@code kafkaex} prefix of {@code application.yml}.
 *
 * <p>Bound once at start-up on the thread that refreshes the application context; read-only afterwards.
 */
@ConfigurationProperties("kafkaex")
public class KafkaExProperties {

    /** Default bootstrap server, as in Spring Boot's Kafka support. */
    public static final String DEFAULT_BOOTSTRAP_SERVER = "localhost:9092";

    /**
     * Comma-separated list of host:port pairs used to establish the initial connection to the Kafka
     * cluster.
     */
    private List<String> bootstrapServers = new ArrayList<>(List.of(DEFAULT_BOOTSTRAP_SERVER));

    /** Client id sent with every request, for the broker's logs and quotas; the application name when unset. */
    private String clientId;

    /** How long a request may wait for its response before it fails (or is retried). */
    private Duration requestTimeout = KafkaExClientOptions.DEFAULT_REQUEST_TIMEOUT;

    /** How long opening a connection to a broker (TCP, TLS, SASL) may take. */
    private Duration connectTimeout = NetworkOptions.DEFAULT_CONNECT_TIMEOUT;

    /** How often cluster metadata (brokers, partitions, leaders) is refreshed when nothing asked for it sooner. */
    private Duration metadataRefreshInterval = KafkaExClientOptions.DEFAULT_METADATA_REFRESH_INTERVAL;

    /** The least time between two metadata refreshes. */
    private Duration metadataMinBackoff = KafkaExClientOptions.DEFAULT_METADATA_MIN_BACKOFF;

    /** How often a failed operation is retried after its first attempt; 0 for one attempt only. */
    private int retries = KafkaExClientOptions.DEFAULT_MAX_RETRIES;

    /** The wait before the first retry of a failed operation; it doubles with each retry up to retry-backoff-max. */
    private Duration retryBackoff = KafkaExClientOptions.DEFAULT_RETRY_BACKOFF;

    /** The longest wait between two retries of a failed operation. */
    private Duration retryBackoffMax = KafkaExClientOptions.DEFAULT_RETRY_BACKOFF_MAX;

    /** The wait before reconnecting to a broker whose connection failed; it grows up to reconnect-backoff-max. */
    private Duration reconnectBackoff = NetworkOptions.DEFAULT_RECONNECT_BACKOFF;

    /** The longest wait before reconnecting to a broker. */
    private Duration reconnectBackoffMax = NetworkOptions.DEFAULT_RECONNECT_BACKOFF_MAX;

    /** How long a broker connection may stay unused before it is closed. */
    private Duration connectionsMaxIdle = NetworkOptions.DEFAULT_CONNECTION_MAX_IDLE;

    /** The most requests waiting for their responses on one broker connection. */
    private int maxInFlightPerConnection = NetworkOptions.DEFAULT_MAX_IN_FLIGHT;

    /** The largest response the client accepts from a broker; larger ones close the connection. */
    private DataSize maxResponseSize = DataSize.ofBytes(NetworkOptions.DEFAULT_MAX_FRAME_BYTES);

    @NestedConfigurationProperty
    private final SecurityProperties security = new SecurityProperties();

    @NestedConfigurationProperty
    private final SslProperties ssl = new SslProperties();

    @NestedConfigurationProperty
    private final SaslProperties sasl = new SaslProperties();

    @NestedConfigurationProperty
    private final ProducerProperties producer = new ProducerProperties();

    @NestedConfigurationProperty
    private final ConsumerProperties consumer = new ConsumerProperties();

    @NestedConfigurationProperty
    private final ListenerProperties listener = new ListenerProperties();

    @NestedConfigurationProperty
    private final AdminProperties admin = new AdminProperties();

    @NestedConfigurationProperty
    private final TemplateProperties template = new TemplateProperties();

    @NestedConfigurationProperty
    private final HealthProperties health = new HealthProperties();

    @NestedConfigurationProperty
    private final MetricsProperties metrics = new MetricsProperties();

    public List<String> getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(List<String> bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getMetadataRefreshInterval() {
        return metadataRefreshInterval;
    }

    public void setMetadataRefreshInterval(Duration metadataRefreshInterval) {
        this.metadataRefreshInterval = metadataRefreshInterval;
    }

    public Duration getMetadataMinBackoff() {
        return metadataMinBackoff;
    }

    public void setMetadataMinBackoff(Duration metadataMinBackoff) {
        this.metadataMinBackoff = metadataMinBackoff;
    }

    public int getRetries() {
        return retries;
    }

    public void setRetries(int retries) {
        this.retries = retries;
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

    public Duration getReconnectBackoff() {
        return reconnectBackoff;
    }

    public void setReconnectBackoff(Duration reconnectBackoff) {
        this.reconnectBackoff = reconnectBackoff;
    }

    public Duration getReconnectBackoffMax() {
        return reconnectBackoffMax;
    }

    public void setReconnectBackoffMax(Duration reconnectBackoffMax) {
        this.reconnectBackoffMax = reconnectBackoffMax;
    }

    public Duration getConnectionsMaxIdle() {
        return connectionsMaxIdle;
    }

    public void setConnectionsMaxIdle(Duration connectionsMaxIdle) {
        this.connectionsMaxIdle = connectionsMaxIdle;
    }

    public int getMaxInFlightPerConnection() {
        return maxInFlightPerConnection;
    }

    public void setMaxInFlightPerConnection(int maxInFlightPerConnection) {
        this.maxInFlightPerConnection = maxInFlightPerConnection;
    }

    public DataSize getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(DataSize maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public SecurityProperties getSecurity() {
        return security;
    }

    public SslProperties getSsl() {
        return ssl;
    }

    public SaslProperties getSasl() {
        return sasl;
    }

    public ProducerProperties getProducer() {
        return producer;
    }

    public ConsumerProperties getConsumer() {
        return consumer;
    }

    public ListenerProperties getListener() {
        return listener;
    }

    public AdminProperties getAdmin() {
        return admin;
    }

    public TemplateProperties getTemplate() {
        return template;
    }

    public HealthProperties getHealth() {
        return health;
    }

    public MetricsProperties getMetrics() {
        return metrics;
    }
}
