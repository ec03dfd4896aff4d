package io.kafkaex.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlainSaslClientTest {

    @Test
    void sendsEmptyAuthzidUserAndPasswordSeparatedByNul() {
        SaslMechanismClient client = SaslMechanism.PLAIN.newClient("alice", Password.of("alice-secret"));

        assertThat(new String(client.initialResponse(), UTF_8)).isEqualTo("\u0000alice\u0000alice-secret");
        assertThat(client.isComplete()).isFalse();
        assertThat(client.evaluateChallenge(new byte[0])).isNull();
        assertThat(client.isComplete()).isTrue();
        assertThat(client.mechanism()).isEqualTo("PLAIN");
    }

    @Test
    void aSecondServerMessageIsRefused() {
        SaslMechanismClient client = SaslMechanism.PLAIN.newClient("alice", Password.of("alice-secret"));
        client.initialResponse();
        client.evaluateChallenge(new byte[0]);

        assertThatThrownBy(() -> client.evaluateChallenge(new byte[0])).isInstanceOf(SaslProtocolException.class);
    }
}
