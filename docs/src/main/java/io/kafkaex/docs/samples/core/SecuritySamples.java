package io.kafkaex.docs.samples.core;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.security.OAuthBearerToken;
import io.kafkaex.security.OAuthBearerTokenProvider;
import io.kafkaex.security.SaslMechanism;
import io.kafkaex.security.SecurityProtocol;
import io.kafkaex.security.tls.TlsOptions;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;

/** The security guide's client options: TLS, SASL/SCRAM, OAUTHBEARER and AWS_MSK_IAM. */
final class SecuritySamples {

    private SecuritySamples() {
    }

    static KafkaExClient tls(String trustStorePassword, String keyStorePassword) {
        // tag::tls[]
        TlsOptions tls = TlsOptions.builder()
                .trustStore(Path.of("/etc/kafka/truststore.p12"), "PKCS12", trustStorePassword)   // whom to trust
                .keyStore(Path.of("/etc/kafka/client.p12"), "PKCS12", keyStorePassword)          // mutual TLS only
                .build();
        KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder()
                .bootstrapServers("kafka-1:9093")
                .tls(tls)
                .build());
        // end::tls[]
        return client;
    }

    static KafkaExClientOptions scram() {
        // tag::scram[]
        KafkaExClientOptions options = KafkaExClientOptions.builder()
                .bootstrapServers("kafka-1:9093")
                .securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .sasl(SaslMechanism.SCRAM_SHA_512, "orders-service", System.getenv("KAFKA_PASSWORD"))
                .build();
        // end::scram[]
        return options;
    }

    static KafkaExClientOptions oauthBearer(IdentityProvider myIdp, Executor myExecutor) {
        // tag::oauth-bearer[]
        KafkaExClientOptions options = KafkaExClientOptions.builder()
                .bootstrapServers("kafka-1:9093")
                .securityProtocol(SecurityProtocol.SASL_SSL)
                .oauthBearer(OAuthBearerTokenProvider.blocking(myIdp::fetchToken, myExecutor), Map.of("tenant", "prod"))
                .build();
        // end::oauth-bearer[]
        return options;
    }

    static KafkaExClientOptions awsMskIam() {
        // tag::aws-msk-iam[]
        KafkaExClientOptions options = KafkaExClientOptions.builder()
                .bootstrapServers("b-1.orders.abc123.c2.kafka.us-east-1.amazonaws.com:9098")
                .securityProtocol(SecurityProtocol.SASL_SSL)
                .awsMskIam("us-east-1")
                .build();
        // end::aws-msk-iam[]
        return options;
    }

    /** The application's identity provider client: a blocking call that fetches a token. */
    interface IdentityProvider {

        OAuthBearerToken fetchToken();
    }

}
