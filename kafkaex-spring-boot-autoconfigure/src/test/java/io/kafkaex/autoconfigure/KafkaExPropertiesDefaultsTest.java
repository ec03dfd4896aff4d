package io.kafkaex.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.consumer.FetcherOptions;
import io.kafkaex.consumer.GroupProtocolType;
import io.kafkaex.consumer.assignor.PartitionAssignor;
import io.kafkaex.network.NetworkOptions;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.partitioner.DefaultPartitioner;
import io.kafkaex.security.OAuthBearerTokenCache;
import io.kafkaex.security.SecurityProtocol;
import io.kafkaex.security.tls.TlsOptions;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The defaults of the {@code kafkaex.*} properties are the core's: each property's default, mapped to core options,
 * equals the core's {@code DEFAULT_*} constant or the core builder's default.
 */
class KafkaExPropertiesDefaultsTest {

    private final KafkaExProperties properties = new KafkaExProperties();
    private final KafkaExOptionsFactory factory = new KafkaExOptionsFactory(properties,
            new PropertiesKafkaExConnectionDetails(properties), List.of(), List.of(), List.of());

    private final KafkaExClientOptions client = factory.clientOptions("app", null);
    private final ProducerOptions producer = factory.producerOptions("app").build();
    private final ConsumerGroupOptions consumer =
            factory.consumerGroupOptions("app", "listener", 0, "group", List.of("topic")).build();
    private final ConsumerGroupOptions coreConsumer =
            ConsumerGroupOptions.builder(client, "group", List.of("topic")).build();

    @Test
    void clientPropertiesDefaultToTheCoreDefaults() {
        assertThat(client.requestTimeout()).isEqualTo(KafkaExClientOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(client.connectTimeout()).isEqualTo(NetworkOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(client.metadataRefreshInterval()).isEqualTo(KafkaExClientOptions.DEFAULT_METADATA_REFRESH_INTERVAL);
        assertThat(client.metadataMinBackoff()).isEqualTo(KafkaExClientOptions.DEFAULT_METADATA_MIN_BACKOFF);
        assertThat(client.maxRetries()).isEqualTo(KafkaExClientOptions.DEFAULT_MAX_RETRIES);
        assertThat(client.retryBackoff()).isEqualTo(KafkaExClientOptions.DEFAULT_RETRY_BACKOFF);
        assertThat(client.retryBackoffMax()).isEqualTo(KafkaExClientOptions.DEFAULT_RETRY_BACKOFF_MAX);
        assertThat(client.networkOptions().reconnectBackoff()).isEqualTo(NetworkOptions.DEFAULT_RECONNECT_BACKOFF);
        assertThat(client.networkOptions().reconnectBackoffMax()).isEqualTo(NetworkOptions.DEFAULT_RECONNECT_BACKOFF_MAX);
        assertThat(client.connectionMaxIdle()).isEqualTo(NetworkOptions.DEFAULT_CONNECTION_MAX_IDLE);
        assertThat(client.maxInFlightPerConnection()).isEqualTo(NetworkOptions.DEFAULT_MAX_IN_FLIGHT);
        assertThat(client.maxResponseBytes()).isEqualTo(NetworkOptions.DEFAULT_MAX_FRAME_BYTES);
    }

    @Test
    void securityPropertiesDefaultToTheCoreDefaults() {
        assertThat(client.securityProtocol()).isEqualTo(SecurityProtocol.PLAINTEXT);
        assertThat(client.tls()).isNull();
        assertThat(client.sasl()).isNull();
        assertThat(properties.getSasl().getOauth().getRefreshWindow()).isEqualTo(OAuthBearerTokenCache.DEFAULT_REFRESH_WINDOW);
        assertThat(properties.getSsl().getEnabledProtocols()).isEqualTo(TlsOptions.DEFAULT_PROTOCOLS);
        assertThat(properties.getSsl().isHostnameVerification()).isEqualTo(TlsOptions.defaults().hostnameVerification());
    }

    @Test
    void producerPropertiesDefaultToTheCoreDefaults() {
        assertThat(producer.acks()).isEqualTo(ProducerOptions.DEFAULT_ACKS);
        assertThat(producer.batchSize()).isEqualTo(ProducerOptions.DEFAULT_BATCH_SIZE);
        assertThat(producer.linger()).isEqualTo(ProducerOptions.DEFAULT_LINGER);
        assertThat(producer.bufferMemory()).isEqualTo(ProducerOptions.DEFAULT_BUFFER_MEMORY);
        assertThat(producer.maxBlock()).isEqualTo(ProducerOptions.DEFAULT_MAX_BLOCK);
        assertThat(producer.requestTimeout()).isEqualTo(ProducerOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(producer.deliveryTimeout()).isEqualTo(ProducerOptions.DEFAULT_DELIVERY_TIMEOUT);
        assertThat(producer.maxInFlight()).isEqualTo(ProducerOptions.DEFAULT_MAX_IN_FLIGHT);
        assertThat(producer.maxRequestSize()).isEqualTo(ProducerOptions.DEFAULT_MAX_REQUEST_SIZE);
        assertThat(producer.compression()).isEqualTo(ProducerOptions.builder(client).build().compression());
        assertThat(properties.getProducer().getCompressionLevel()).as("unset: the codec's default level").isNull();
        assertThat(producer.retryBackoff().initialDelay()).isEqualTo(ProducerOptions.DEFAULT_RETRY_BACKOFF.initialDelay());
        assertThat(producer.retryBackoff().maxDelay()).isEqualTo(ProducerOptions.DEFAULT_RETRY_BACKOFF.maxDelay());
        assertThat(producer.idempotence()).isEqualTo(ProducerOptions.builder(client).build().idempotence());
        assertThat(producer.transactionTimeout()).isEqualTo(ProducerOptions.DEFAULT_TRANSACTION_TIMEOUT);
        assertThat(producer.partitioner()).isInstanceOf(DefaultPartitioner.class);
    }

    @Test
    void consumerPropertiesDefaultToTheCoreDefaults() {
        assertThat(consumer.autoOffsetReset()).isEqualTo(FetcherOptions.DEFAULT_AUTO_OFFSET_RESET);
        assertThat(consumer.groupProtocol()).isEqualTo(GroupProtocolType.CLASSIC);
        assertThat(consumer.serverAssignor()).isEqualTo(coreConsumer.serverAssignor());
        assertThat(consumer.sessionTimeout()).isEqualTo(ConsumerGroupOptions.DEFAULT_SESSION_TIMEOUT);
        assertThat(consumer.heartbeatInterval()).isEqualTo(ConsumerGroupOptions.DEFAULT_HEARTBEAT_INTERVAL);
        assertThat(consumer.rebalanceTimeout()).isEqualTo(coreConsumer.rebalanceTimeout());
        assertThat(consumer.assignors()).extracting(PartitionAssignor::name)
                .isEqualTo(coreConsumer.assignors().stream().map(PartitionAssignor::name).toList());
        assertThat(consumer.commitInterval()).isEqualTo(ConsumerGroupOptions.DEFAULT_COMMIT_INTERVAL);
        assertThat(consumer.commitThreshold()).isEqualTo(ConsumerGroupOptions.DEFAULT_COMMIT_THRESHOLD);
        assertThat(consumer.shutdownTimeout()).isEqualTo(ConsumerGroupOptions.DEFAULT_SHUTDOWN_TIMEOUT);
        assertThat(consumer.groupInstanceId()).isEqualTo(coreConsumer.groupInstanceId());
        assertThat(consumer.rackId()).isEqualTo(coreConsumer.rackId());
    }

    @Test
    void fetchPropertiesDefaultToTheCoreDefaults() {
        FetcherOptions fetch = consumer.fetch();

        assertThat(fetch.minBytes()).isEqualTo(FetcherOptions.DEFAULT_MIN_BYTES);
        assertThat(fetch.maxBytes()).isEqualTo(FetcherOptions.DEFAULT_MAX_BYTES);
        assertThat(fetch.maxWait()).isEqualTo(FetcherOptions.DEFAULT_MAX_WAIT);
        assertThat(fetch.partitionMaxBytes()).isEqualTo(FetcherOptions.DEFAULT_PARTITION_MAX_BYTES);
        assertThat(fetch.maxBufferedBytes()).isEqualTo(FetcherOptions.DEFAULT_MAX_BUFFERED_BYTES);
        assertThat(fetch.readCommitted()).isEqualTo(FetcherOptions.defaults().readCommitted());
        assertThat(fetch).isEqualTo(FetcherOptions.defaults());
    }
}
