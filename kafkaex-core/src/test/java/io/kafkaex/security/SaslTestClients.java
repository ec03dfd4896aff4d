package io.kafkaex.security;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.TestCredentials;

/** KafkaEx clients for a test broker's SASL_PLAINTEXT listener, as user alice. */
public final class SaslTestClients {

    private SaslTestClients() {
    }

    /** A client authenticating as alice with {@code password}, retrying {@code maxRetries} times. */
    public static KafkaExClient alice(KafkaTestCluster cluster, SaslMechanism mechanism, String password, int maxRetries,
            KafkaExTelemetryListener listener) {
        return KafkaExClient.create(KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers(BrokerListener.SASL_PLAINTEXT))
                .clientId("sasl-it")
                .securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .sasl(mechanism, TestCredentials.ALICE.name(), password)
                .maxRetries(maxRetries)
                .telemetryListener(listener)
                .build());
    }
}
