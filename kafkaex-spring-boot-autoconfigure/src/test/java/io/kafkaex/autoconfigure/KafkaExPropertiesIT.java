package io.kafkaex.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.TestCredentials;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Clients configured only through {@code kafkaex.*} properties reach a real broker, plain, with SCRAM and with TLS. */
@KafkaExBroker(listeners = {BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT, BrokerListener.SSL})
class KafkaExPropertiesIT {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, KafkaExAutoConfiguration.class));

    @Test
    void producerPropertiesReachTheBroker(KafkaTestCluster cluster) {
        String topic = "KafkaExPropertiesIT-producer";
        cluster.createTopic(topic, 1, 1);
        runner.withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(BrokerListener.PLAINTEXT),
                        "kafkaex.client-id=KafkaExPropertiesIT", "kafkaex.producer.compression-type=gzip",
                        "kafkaex.producer.acks=all", "kafkaex.producer.linger=20ms")
                .run(context -> {
                    assertThat(context.getBean(KafkaExClient.class).metadataSync().nodes()).hasSize(1);
                    KafkaExOptionsFactory factory = context.getBean(KafkaExOptionsFactory.class);
                    try (KafkaExProducer producer = KafkaExProducer.create(factory.producerOptions("app").build())) {
                        RecordMetadata sent = producer.send(ProducerRecord.of(topic, bytes("key"), bytes("value"))).join();
                        assertThat(sent.baseOffset()).isZero();
                    }
                });
    }

    @Test
    void scramCredentialsFromPropertiesAuthenticate(KafkaTestCluster cluster) {
        runner.withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(BrokerListener.SASL_PLAINTEXT),
                        "kafkaex.security.protocol=SASL_PLAINTEXT", "kafkaex.sasl.mechanism=SCRAM-SHA-256",
                        "kafkaex.sasl.username=" + TestCredentials.ALICE.name(),
                        "kafkaex.sasl.password=" + TestCredentials.ALICE.password())
                .run(context -> assertThat(context.getBean(KafkaExClient.class).metadataSync().nodes()).hasSize(1));
    }

    @Test
    void aTrustStoreFromPropertiesConnectsOverTls(KafkaTestCluster cluster) {
        runner.withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(BrokerListener.SSL),
                        "kafkaex.security.protocol=SSL",
                        "kafkaex.ssl.trust-store-location=file:" + cluster.tls().trustStore(),
                        "kafkaex.ssl.trust-store-password=" + cluster.tls().password())
                .run(context -> assertThat(context.getBean(KafkaExClient.class).metadataSync().nodes()).hasSize(1));
    }

    @Test
    void anSslBundleConnectsOverTls(KafkaTestCluster cluster) {
        runner.withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(BrokerListener.SSL),
                        "spring.ssl.bundle.jks.kafka.truststore.location=file:" + cluster.tls().trustStore(),
                        "spring.ssl.bundle.jks.kafka.truststore.password=" + cluster.tls().password(),
                        "spring.ssl.bundle.jks.kafka.truststore.type=PKCS12", "kafkaex.ssl.bundle=kafka")
                .run(context -> assertThat(context.getBean(KafkaExClient.class).metadataSync().nodes()).hasSize(1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
