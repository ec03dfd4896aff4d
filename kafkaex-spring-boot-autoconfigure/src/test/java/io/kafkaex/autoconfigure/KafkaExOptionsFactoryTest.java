package io.kafkaex.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.client.Acks;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.consumer.GroupProtocolType;
import io.kafkaex.consumer.OffsetResetPolicy;
import io.kafkaex.consumer.assignor.PartitionAssignor;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.partitioner.RoundRobinPartitioner;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.security.OAuthBearerToken;
import io.kafkaex.security.OAuthBearerTokenProvider;
import io.kafkaex.security.SaslMechanism;
import io.kafkaex.security.SecurityProtocol;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code kafkaex.*} properties become core options; a value the core rejects is reported by its property name. */
class KafkaExOptionsFactoryTest {

    private static final OAuthBearerTokenProvider TOKENS = () -> CompletableFuture.completedFuture(
            new OAuthBearerToken("token", Instant.now(), Instant.now().plusSeconds(3600), "alice"));

    @Test
    void clientPropertiesBind() {
        KafkaExClientOptions client = factory("kafkaex.bootstrap-servers=k1:9092,k2:9093", "kafkaex.client-id=orders",
                "kafkaex.request-timeout=12s", "kafkaex.connect-timeout=3s", "kafkaex.metadata-refresh-interval=1m",
                "kafkaex.metadata-min-backoff=50ms", "kafkaex.retries=7", "kafkaex.retry-backoff=20ms",
                "kafkaex.retry-backoff-max=2s", "kafkaex.reconnect-backoff=10ms", "kafkaex.reconnect-backoff-max=5s",
                "kafkaex.connections-max-idle=30s", "kafkaex.max-in-flight-per-connection=2",
                "kafkaex.max-response-size=10MB")
                .clientOptions("app", "-admin");

        assertThat(client.bootstrapServers()).hasToString("[k1:9092, k2:9093]");
        assertThat(client.clientId()).isEqualTo("orders-admin");
        assertThat(client.requestTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(client.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(client.metadataRefreshInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(client.metadataMinBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(client.maxRetries()).isEqualTo(7);
        assertThat(client.retryBackoff()).isEqualTo(Duration.ofMillis(20));
        assertThat(client.retryBackoffMax()).isEqualTo(Duration.ofSeconds(2));
        assertThat(client.networkOptions().reconnectBackoff()).isEqualTo(Duration.ofMillis(10));
        assertThat(client.networkOptions().reconnectBackoffMax()).isEqualTo(Duration.ofSeconds(5));
        assertThat(client.connectionMaxIdle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(client.maxInFlightPerConnection()).isEqualTo(2);
        assertThat(client.maxResponseBytes()).isEqualTo(10 * 1024 * 1024);
    }

    @Test
    void everyProducerRoleHasAClientIdOfItsOwnSoThatMetersNeverCollide() {
        KafkaExOptionsFactory named = factory("kafkaex.client-id=orders");

        assertThat(named.producerOptions("app").build().client().clientId()).isEqualTo("orders-producer");
        assertThat(named.producerOptions("app", "dead-letter-producer").build().client().clientId())
                .isEqualTo("orders-dead-letter-producer");
        assertThat(factory().producerOptions("app", "reply-producer").build().client().clientId())
                .isEqualTo("app-reply-producer");
    }

    @Test
    void producerPropertiesBind() {
        ProducerOptions producer = factory("kafkaex.producer.acks=1", "kafkaex.producer.batch-size=64KB",
                "kafkaex.producer.linger=20ms", "kafkaex.producer.buffer-memory=64MB", "kafkaex.producer.max-block=5s",
                "kafkaex.producer.request-timeout=10s", "kafkaex.producer.delivery-timeout=1m",
                "kafkaex.producer.max-in-flight=1", "kafkaex.producer.max-request-size=2MB",
                "kafkaex.producer.compression-type=gzip", "kafkaex.producer.compression-level=9",
                "kafkaex.producer.retry-backoff=200ms", "kafkaex.producer.retry-backoff-max=3s",
                "kafkaex.producer.idempotence=false", "kafkaex.producer.transaction-timeout=30s",
                "kafkaex.producer.partitioner=round-robin")
                .producerOptions("app").build();

        assertThat(producer.client().clientId()).isEqualTo("app-producer");
        assertThat(producer.acks()).isEqualTo(Acks.LEADER);
        assertThat(producer.batchSize()).isEqualTo(64 * 1024);
        assertThat(producer.linger()).isEqualTo(Duration.ofMillis(20));
        assertThat(producer.bufferMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(producer.maxBlock()).isEqualTo(Duration.ofSeconds(5));
        assertThat(producer.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(producer.deliveryTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(producer.maxInFlight()).isEqualTo(1);
        assertThat(producer.maxRequestSize()).isEqualTo(2 * 1024 * 1024);
        assertThat(producer.compression()).isEqualTo(CompressionType.GZIP);
        assertThat(producer.retryBackoff().initialDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(producer.retryBackoff().maxDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(producer.idempotence()).isFalse();
        assertThat(producer.transactionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(producer.partitioner()).isInstanceOf(RoundRobinPartitioner.class);
    }

    @Test
    void theTransactionIdPrefixIsCheckedButLeftToTheTemplate() {
        ProducerOptions.Builder builder = factory("kafkaex.producer.transaction-id-prefix=tx-").producerOptions("app");

        assertThat(builder.build().transactional()).isFalse();
        assertInvalid("kafkaex.producer.acks", "1", "kafkaex.producer.transaction-id-prefix=tx-",
                "kafkaex.producer.acks=1");
    }

    @Test
    void consumerPropertiesBind() {
        ConsumerGroupOptions consumer = factory("kafkaex.consumer.auto-offset-reset=earliest",
                "kafkaex.consumer.group-protocol=consumer", "kafkaex.consumer.server-assignor=uniform",
                "kafkaex.consumer.session-timeout=45s", "kafkaex.consumer.heartbeat-interval=3s",
                "kafkaex.consumer.rebalance-timeout=2m", "kafkaex.consumer.assignors=roundrobin,range",
                "kafkaex.consumer.isolation-level=read-committed", "kafkaex.consumer.fetch-min-size=1KB",
                "kafkaex.consumer.fetch-max-size=10MB", "kafkaex.consumer.fetch-max-wait=250ms",
                "kafkaex.consumer.max-partition-fetch-size=512KB", "kafkaex.consumer.max-buffered-size=16MB",
                "kafkaex.consumer.commit-interval=1s", "kafkaex.consumer.commit-threshold=10",
                "kafkaex.consumer.shutdown-timeout=9s", "kafkaex.consumer.group-instance-id=host-1",
                "kafkaex.consumer.rack=eu-1a")
                .consumerGroupOptions("app", "orders", 2, "billing", List.of("orders")).build();

        assertThat(consumer.client().clientId()).isEqualTo("app-orders-2");
        assertThat(consumer.groupId()).isEqualTo("billing");
        assertThat(consumer.autoOffsetReset()).isEqualTo(OffsetResetPolicy.EARLIEST);
        assertThat(consumer.groupProtocol()).isEqualTo(GroupProtocolType.CONSUMER);
        assertThat(consumer.serverAssignor()).isEqualTo("uniform");
        assertThat(consumer.sessionTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(consumer.heartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(consumer.rebalanceTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(consumer.assignors()).extracting(PartitionAssignor::name).containsExactly("roundrobin", "range");
        assertThat(consumer.fetch().readCommitted()).isTrue();
        assertThat(consumer.fetch().minBytes()).isEqualTo(1024);
        assertThat(consumer.fetch().maxBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(consumer.fetch().maxWait()).isEqualTo(Duration.ofMillis(250));
        assertThat(consumer.fetch().partitionMaxBytes()).isEqualTo(512 * 1024);
        assertThat(consumer.fetch().maxBufferedBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(consumer.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(consumer.commitThreshold()).isEqualTo(10);
        assertThat(consumer.shutdownTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(consumer.groupInstanceId()).isEqualTo("host-1-orders-2");
        assertThat(consumer.rackId()).isEqualTo("eu-1a");
    }

    @Test
    void saslScramBindsAsTheCoresSaslCredentials() {
        KafkaExClientOptions client = factory("kafkaex.security.protocol=SASL_PLAINTEXT",
                "kafkaex.sasl.mechanism=SCRAM-SHA-512", "kafkaex.sasl.username=alice", "kafkaex.sasl.password=secret")
                .clientOptions("app", null);

        assertThat(client.securityProtocol()).isEqualTo(SecurityProtocol.SASL_PLAINTEXT);
        assertThat(client.sasl().mechanism()).isEqualTo(SaslMechanism.SCRAM_SHA_512);
        assertThat(client.sasl().username()).isEqualTo("alice");
        assertThat(client.toString()).doesNotContain("secret");
    }

    @Test
    void oauthBearerUsesTheTokenProviderBeanWithTheExtensionsAndRefreshWindow() {
        KafkaExClientOptions client = factory(new KafkaExOptionsFactory.SecurityBeans(null, TOKENS, null),
                "kafkaex.security.protocol=SASL_SSL", "kafkaex.sasl.mechanism=OAUTHBEARER",
                "kafkaex.sasl.oauth.extensions.tenant=prod", "kafkaex.sasl.oauth.refresh-window=0.5")
                .clientOptions("app", null);

        assertThat(client.oauthBearer().provider()).isSameAs(TOKENS);
        assertThat(client.oauthBearer().extensions().asMap()).containsExactly(Map.entry("tenant", "prod"));
        assertThat(client.oauthBearer().refreshWindow()).isEqualTo(0.5);
        assertThat(client.tls()).isNotNull();
    }

    @Test
    void awsMskIamUsesTheRegion() {
        KafkaExClientOptions client = factory(new KafkaExOptionsFactory.SecurityBeans(null, null,
                        () -> CompletableFuture.failedFuture(new IllegalStateException("not in this test"))),
                "kafkaex.security.protocol=SASL_SSL", "kafkaex.sasl.mechanism=AWS_MSK_IAM",
                "kafkaex.sasl.aws.region=eu-west-1")
                .clientOptions("app", null);

        assertThat(client.awsMskIam().region()).isEqualTo("eu-west-1");
    }

    @Test
    void invalidValuesNameTheirPropertyAndWhatIsAllowed() {
        assertInvalid("kafkaex.producer.batch-size", "-1B", "kafkaex.producer.batch-size=-1")
                .hasMessageContaining("at least 1B").hasRootCauseMessage(
                        "Invalid producer options: batchSize must be at least 1, was -1");
        assertInvalid("kafkaex.producer.delivery-timeout", "1s", "kafkaex.producer.delivery-timeout=1s");
        assertInvalid("kafkaex.producer.acks", "2", "kafkaex.producer.acks=2");
        assertInvalid("kafkaex.producer.compression-level", 99, "kafkaex.producer.compression-type=gzip",
                "kafkaex.producer.compression-level=99");
        assertInvalid("kafkaex.request-timeout", "0ms", "kafkaex.request-timeout=0");
        assertInvalid("kafkaex.retry-backoff", "5s", "kafkaex.retry-backoff=5s");
        assertInvalid("kafkaex.bootstrap-servers", "no-port", "kafkaex.bootstrap-servers=no-port");
        assertInvalid("kafkaex.consumer.session-timeout", "2s", "kafkaex.consumer.session-timeout=2s");
        assertInvalid("kafkaex.consumer.heartbeat-interval", "1m", "kafkaex.consumer.heartbeat-interval=1m");
        assertInvalid("kafkaex.consumer.assignors", List.of("sticky"), "kafkaex.consumer.assignors=sticky")
                .hasRootCauseMessage("Unknown partition assignor 'sticky'; known: range, roundrobin, cooperative-sticky");
        assertInvalid("kafkaex.consumer.commit-threshold", -1, "kafkaex.consumer.commit-threshold=-1");
        assertInvalid("kafkaex.consumer.fetch-max-wait", "-1ms", "kafkaex.consumer.fetch-max-wait=-1ms");
        assertInvalid("kafkaex.consumer.server-assignor", "uniform", "kafkaex.consumer.server-assignor=uniform");
    }

    @Test
    void whenSeveralValuesAreInvalidTheFirstIsNamed() {
        assertInvalid("kafkaex.producer.batch-size", "-1B", "kafkaex.producer.batch-size=-1",
                "kafkaex.producer.linger=-1s");
    }

    @Test
    void securityPropertiesAMechanismNeedsAreNamedWhenMissing() {
        assertInvalid("kafkaex.sasl.username", null, "kafkaex.security.protocol=SASL_PLAINTEXT",
                "kafkaex.sasl.mechanism=SCRAM-SHA-256").hasMessageContaining("SCRAM-SHA-256");
        assertInvalid("kafkaex.sasl.password", "(empty)", "kafkaex.security.protocol=SASL_PLAINTEXT",
                "kafkaex.sasl.mechanism=PLAIN", "kafkaex.sasl.username=alice");
        assertInvalid("kafkaex.sasl.mechanism", null, "kafkaex.security.protocol=SASL_SSL");
        assertInvalid("kafkaex.security.protocol", SecurityProtocol.PLAINTEXT, "kafkaex.sasl.mechanism=PLAIN",
                "kafkaex.sasl.username=alice", "kafkaex.sasl.password=secret");
        assertInvalid("kafkaex.sasl.mechanism", "OAUTHBEARER", "kafkaex.security.protocol=SASL_SSL",
                "kafkaex.sasl.mechanism=OAUTHBEARER");
        assertInvalid("kafkaex.sasl.aws.region", null, "kafkaex.security.protocol=SASL_SSL",
                "kafkaex.sasl.mechanism=AWS_MSK_IAM");
        assertInvalid("kafkaex.sasl.mechanism", "AWS_MSK_IAM", "kafkaex.security.protocol=SASL_SSL",
                "kafkaex.sasl.mechanism=AWS_MSK_IAM", "kafkaex.sasl.aws.region=eu-west-1")
                .hasMessageContaining("software.amazon.awssdk:auth");
        assertInvalid("kafkaex.security.protocol", SecurityProtocol.SASL_PLAINTEXT,
                "kafkaex.security.protocol=SASL_PLAINTEXT", "kafkaex.sasl.mechanism=PLAIN",
                "kafkaex.sasl.username=alice", "kafkaex.sasl.password=secret",
                "kafkaex.ssl.trust-store-certificates=x");
    }

    @Test
    void unusableTlsMaterialIsNamed() {
        assertInvalid("kafkaex.ssl.trust-store-location", "URL [file:/nonexistent/trust.p12]", "kafkaex.security.protocol=SSL",
                "kafkaex.ssl.trust-store-location=file:/nonexistent/trust.p12")
                .hasRootCauseMessage("PKCS12 file /nonexistent/trust.p12: file not found: /nonexistent/trust.p12");
        assertInvalid("kafkaex.ssl.enabled-protocols", List.of("TLSv1.1"), "kafkaex.security.protocol=SSL",
                "kafkaex.ssl.enabled-protocols=TLSv1.1");
        assertInvalid("kafkaex.ssl.bundle", "corp", "kafkaex.ssl.bundle=corp").hasMessageContaining("no SslBundles bean");
    }

    @Test
    void anInvalidAwsRegionIsNamed() {
        KafkaExOptionsFactory.SecurityBeans beans = new KafkaExOptionsFactory.SecurityBeans(null, null,
                () -> CompletableFuture.failedFuture(new IllegalStateException("not in this test")));

        assertThatThrownBy(() -> factory(beans, "kafkaex.security.protocol=SASL_SSL",
                "kafkaex.sasl.mechanism=AWS_MSK_IAM", "kafkaex.sasl.aws.region=Moon Base 1").clientOptions("a", null))
                .isInstanceOfSatisfying(InvalidKafkaExPropertyException.class, e -> {
                    assertThat(e.getProperty()).isEqualTo("kafkaex.sasl.aws.region");
                    assertThat(e.getValue()).isEqualTo("Moon Base 1");
                });
    }

    @Test
    void invalidOauthSettingsAreNamed() {
        KafkaExOptionsFactory.SecurityBeans beans = new KafkaExOptionsFactory.SecurityBeans(null, TOKENS, null);

        assertThatThrownBy(() -> factory(beans, "kafkaex.security.protocol=SASL_SSL",
                "kafkaex.sasl.mechanism=OAUTHBEARER", "kafkaex.sasl.oauth.refresh-window=1.5").clientOptions("a", null))
                .isInstanceOfSatisfying(InvalidKafkaExPropertyException.class, e -> assertThat(e.getProperty())
                        .isEqualTo("kafkaex.sasl.oauth.refresh-window"));
        assertThatThrownBy(() -> factory(beans, "kafkaex.security.protocol=SASL_SSL",
                "kafkaex.sasl.mechanism=OAUTHBEARER", "kafkaex.sasl.oauth.extensions.auth=x").clientOptions("a", null))
                .isInstanceOfSatisfying(InvalidKafkaExPropertyException.class, e -> assertThat(e.getProperty())
                        .isEqualTo("kafkaex.sasl.oauth.extensions"));
    }

    @Test
    void customizersRunAfterThePropertiesInTheirOrder() {
        KafkaExProperties properties = bind("kafkaex.request-timeout=5s", "kafkaex.producer.linger=1s",
                "kafkaex.consumer.commit-threshold=5");
        List<String> calls = new java.util.ArrayList<>();
        KafkaExOptionsFactory factory = new KafkaExOptionsFactory(properties,
                new PropertiesKafkaExConnectionDetails(properties),
                List.of(builder -> calls.add("client-1"), builder -> {
                    calls.add("client-2");
                    builder.requestTimeout(Duration.ofSeconds(7));
                }),
                List.of(builder -> builder.linger(Duration.ofSeconds(2))),
                List.of((listenerId, builder) -> builder.commitThreshold(listenerId.length())));

        assertThat(factory.clientOptions("app", null).requestTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(calls).containsExactly("client-1", "client-2");
        assertThat(factory.producerOptions("app").build().linger()).isEqualTo(Duration.ofSeconds(2));
        assertThat(factory.consumerGroupOptions("app", "abc", 0, "g", List.of("t")).build().commitThreshold())
                .isEqualTo(3);
    }

    private static AbstractThrowableAssert<?, ?> assertInvalid(String property, Object value, String... properties) {
        return assertThatThrownBy(() -> {
            KafkaExOptionsFactory factory = factory(properties);
            factory.checkProperties("app");
        }).isInstanceOfSatisfying(InvalidKafkaExPropertyException.class, e -> {
            assertThat(e.getProperty()).as("property").isEqualTo(property);
            assertThat(String.valueOf(e.getValue())).as("value").isEqualTo(String.valueOf(value));
        });
    }

    private static KafkaExOptionsFactory factory(String... properties) {
        return factory(new KafkaExOptionsFactory.SecurityBeans(null, null, null), properties);
    }

    private static KafkaExOptionsFactory factory(KafkaExOptionsFactory.SecurityBeans beans, String... properties) {
        KafkaExProperties bound = bind(properties);
        return new KafkaExOptionsFactory(bound, new PropertiesKafkaExConnectionDetails(bound), beans, List.of(),
                List.of(), List.of());
    }

    static KafkaExProperties bind(String... properties) {
        Map<String, String> values = new HashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            values.put(property.substring(0, equals), property.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(values)).bind("kafkaex", KafkaExProperties.class)
                .orElseGet(KafkaExProperties::new);
    }
}
