package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.ProduceOptions;
import io.kafkaex.client.ProduceRecord;
import io.kafkaex.protocol.error.KafkaAuthenticationException;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.security.tls.TestTlsOptions;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.TestCredentials;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SCRAM over TLS: the SASL authenticator runs on a connection that finished its TLS handshake first. */
@KafkaExBroker(listeners = {BrokerListener.PLAINTEXT, BrokerListener.SSL, BrokerListener.MTLS, BrokerListener.SASL_SSL})
class SaslSslIT {

    @Test
    void scramOverTlsProducesAndFetchesAndAWrongPasswordIsAnAuthenticationError(KafkaTestCluster cluster) {
        String topic = "sasl-ssl-it";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExClient client = client(cluster, TestCredentials.ALICE.password())) {
            client.produceSync(topic, 0, List.of(ProduceRecord.of(null, "over tls".getBytes(StandardCharsets.UTF_8))),
                    ProduceOptions.defaults());
            List<Record> records = client.fetchSync(topic, 0, 0, FetchOptions.defaults()).records();
            assertThat(records).singleElement().satisfies(record ->
                    assertThat(StandardCharsets.UTF_8.decode(record.value()).toString()).isEqualTo("over tls"));
        }
        try (KafkaExClient client = client(cluster, "not-" + TestCredentials.ALICE.password())) {
            assertThatThrownBy(() -> client.latestOffsetSync(topic, 0))
                    .hasMessageNotContaining("not-" + TestCredentials.ALICE.password())
                    .satisfies(failure -> assertThat(causes(failure)).as("the cause chain")
                            .anySatisfy(cause -> assertThat(cause).isInstanceOf(KafkaAuthenticationException.class)));
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static KafkaExClient client(KafkaTestCluster cluster, String password) {
        return KafkaExClient.create(KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers(BrokerListener.SASL_SSL))
                .clientId("sasl-ssl-it")
                .securityProtocol(SecurityProtocol.SASL_SSL)
                .tls(TestTlsOptions.trusting(cluster.tls()).build())
                .sasl(SaslMechanism.SCRAM_SHA_512, TestCredentials.ALICE.name(), password)
                .maxRetries(0)
                .build());
    }
}
