package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.security.SaslMechanism;
import io.kafkaex.security.SecurityProtocol;
import io.kafkaex.security.tls.TlsOptions;

import org.junit.jupiter.api.Test;

/** The security options: which combinations are valid, and that the password never shows. */
class KafkaExClientSecurityOptionsTest {

    private static KafkaExClientOptions.Builder base() {
        return KafkaExClientOptions.builder().bootstrapServers("k:9092");
    }

    @Test
    void plaintextWithoutSaslIsTheDefault() {
        KafkaExClientOptions options = base().build();

        assertThat(options.securityProtocol()).isEqualTo(SecurityProtocol.PLAINTEXT);
        assertThat(options.sasl()).isNull();
    }

    @Test
    void saslPlaintextKeepsTheCredentialsAndHidesThePassword() {
        KafkaExClientOptions options = base().securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .sasl(SaslMechanism.SCRAM_SHA_512, "alice", "alice-secret").build();

        assertThat(options.sasl().mechanism()).isEqualTo(SaslMechanism.SCRAM_SHA_512);
        assertThat(options.sasl().username()).isEqualTo("alice");
        assertThat(options.sasl().password().reveal()).isEqualTo("alice-secret");
        assertThat(options.toString()).contains("SASL_PLAINTEXT", "alice").doesNotContain("alice-secret");
        assertThat(options.toBuilder().build().sasl()).isEqualTo(options.sasl());
    }

    @Test
    void saslProtocolWithoutCredentialsIsRefused() {
        assertThatThrownBy(() -> base().securityProtocol(SecurityProtocol.SASL_PLAINTEXT).build())
                .hasMessageContaining("securityProtocol SASL_PLAINTEXT needs sasl(mechanism, username, password)");
    }

    @Test
    void credentialsWithoutASaslProtocolAreRefused() {
        assertThatThrownBy(() -> base().sasl(SaslMechanism.PLAIN, "alice", "alice-secret").build())
                .hasMessageContaining("securityProtocol PLAINTEXT does not use SASL").hasMessageNotContaining("alice-secret");
    }

    @Test
    void incompleteCredentialsAreNamedWithEveryOtherProblem() {
        assertThatThrownBy(() -> base().clientId(" ").securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .sasl(SaslMechanism.PLAIN, " ", "pw").build())
                .hasMessageContaining("clientId must not be blank")
                .hasMessageContaining("sasl needs a mechanism").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> base().securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .sasl(SaslMechanism.PLAIN, "alice", "").build()).hasMessageContaining("non-empty password");
        assertThatThrownBy(() -> base().securityProtocol(null).build()).hasMessageContaining("securityProtocol must be one of");
    }

    @Test
    void tlsAndTheSecurityProtocolAgree() {
        TlsOptions tls = TlsOptions.defaults();
        assertThat(base().tls(tls).build().securityProtocol()).as("tls alone means SSL").isEqualTo(SecurityProtocol.SSL);
        KafkaExClientOptions saslSsl = base().securityProtocol(SecurityProtocol.SASL_SSL)
                .sasl(SaslMechanism.SCRAM_SHA_256, "alice", "alice-secret").build();
        assertThat(saslSsl.tls()).as("SASL_SSL without tls trusts the JDK's CAs").isNotNull();
        assertThat(base().build().tls()).as("plain TCP by default").isNull();
        assertThatThrownBy(() -> base().securityProtocol(SecurityProtocol.SASL_PLAINTEXT).tls(tls)
                .sasl(SaslMechanism.PLAIN, "alice", "alice-secret").build())
                .hasMessageContaining("use SASL_SSL").hasMessageNotContaining("alice-secret");
    }
}
