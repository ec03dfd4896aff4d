package io.kafkaex.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.autoconfigure.KafkaExProperties;
import io.kafkaex.autoconfigure.SaslProperties;
import io.kafkaex.security.SecurityProtocol;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The sample's {@code sasl-ssl} profile binds to a SASL_SSL cluster with SCRAM-SHA-512 from its environment variables;
 * only the properties are bound, nothing connects.
 */
class SaslSslProfileTest {

    @Test
    void theSaslSslProfileBindsTheClusterCredentialsAndTrustBundleFromTheEnvironment() {
        Map<String, Object> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1.example.com:9096,kafka-2.example.com:9096",
                "KAFKA_USERNAME", "orders-service",
                "KAFKA_PASSWORD", "s3cret",
                "KAFKA_CA_CERTIFICATE", "file:/run/secrets/kafka-ca.pem");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PropertiesOnly.class)
                .web(WebApplicationType.NONE).profiles("sasl-ssl").properties(environment).run()) {
            KafkaExProperties kafkaex = context.getBean(KafkaExProperties.class);

            assertThat(kafkaex.getBootstrapServers())
                    .containsExactly("kafka-1.example.com:9096", "kafka-2.example.com:9096");
            assertThat(kafkaex.getSecurity().getProtocol()).isEqualTo(SecurityProtocol.SASL_SSL);
            assertThat(kafkaex.getSasl().getMechanism()).isEqualTo(SaslProperties.Mechanism.SCRAM_SHA_512);
            assertThat(kafkaex.getSasl().getUsername()).isEqualTo("orders-service");
            assertThat(kafkaex.getSasl().getPassword()).isEqualTo("s3cret");
            assertThat(kafkaex.getSsl().getBundle()).isEqualTo("kafka");
            assertThat(context.getBean(SslProperties.class).getBundle().getPem()).containsKey("kafka");
            assertThat(context.getBean(SslProperties.class).getBundle().getPem().get("kafka").getTruststore()
                    .getCertificate()).isEqualTo("file:/run/secrets/kafka-ca.pem");
            // the common properties of application.yml still apply
            assertThat(kafkaex.getClientId()).isEqualTo("kafkaex-sample");
        }
    }

    /** Binds the two property groups the profile sets, and nothing else. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({KafkaExProperties.class, SslProperties.class})
    static class PropertiesOnly {
    }
}
