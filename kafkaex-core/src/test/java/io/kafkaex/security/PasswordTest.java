package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordTest {

    @Test
    void neverShowsTheSecretInToStringButRevealsItOnRequest() {
        Password password = Password.of("alice-secret");
        SaslCredentials credentials = new SaslCredentials(SaslMechanism.SCRAM_SHA_256, "alice", password);

        assertThat(password.toString()).isEqualTo(Password.REDACTED);
        assertThat(credentials.toString()).contains("alice", "SCRAM_SHA_256").doesNotContain("alice-secret");
        assertThat(password.reveal()).isEqualTo("alice-secret");
        assertThat(password).isEqualTo(Password.of("alice-secret")).isNotEqualTo(Password.of("other"));
    }
}
