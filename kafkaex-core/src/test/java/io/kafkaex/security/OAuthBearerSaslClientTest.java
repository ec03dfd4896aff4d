package io.kafkaex.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuthBearerSaslClientTest {

    private static final OAuthBearerToken TOKEN = new OAuthBearerToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"), "alice");

    @Test
    void theClientMessageIsTheGs2HeaderTheBearerTokenAndTwoSeparators() {
        SaslMechanismClient client = new OAuthBearerSaslClient(TOKEN, OAuthBearerExtensions.none());

        byte[] expected = ("n,,\u0001auth=Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.\u0001\u0001").getBytes(UTF_8);
        assertThat(client.initialResponse()).containsExactly(expected);
        assertThat(client.mechanism()).isEqualTo("OAUTHBEARER");
        assertThat(client.isComplete()).isFalse();
    }

    @Test
    void extensionsFollowTheTokenInTheirOrderEachEndedBySeparator() {
        Map<String, String> extensions = new LinkedHashMap<>();
        extensions.put("traceId", "abc 1");
        extensions.put("tenant", "prod");
        SaslMechanismClient client = new OAuthBearerSaslClient(TOKEN, OAuthBearerExtensions.of(extensions));

        byte[] message = client.initialResponse();

        byte[] expected = {'n', ',', ',', 1, 'a', 'u', 't', 'h', '=', 'B', 'e', 'a', 'r', 'e', 'r', ' '};
        assertThat(message).startsWith(expected);
        assertThat(new String(message, UTF_8)).endsWith(".\u0001traceId=abc 1\u0001tenant=prod\u0001\u0001");
    }

    @Test
    void anEmptyServerMessageCompletesTheExchange() {
        SaslMechanismClient client = new OAuthBearerSaslClient(TOKEN, OAuthBearerExtensions.none());
        client.initialResponse();

        assertThat(client.evaluateChallenge(new byte[0])).isNull();
        assertThat(client.isComplete()).isTrue();
        assertThatThrownBy(() -> client.evaluateChallenge(new byte[0])).isInstanceOf(SaslProtocolException.class);
    }

    @Test
    void aServerErrorIsAnsweredWithOneSeparatorByteThenFailsWithTheBrokersStatus() {
        SaslMechanismClient client = new OAuthBearerSaslClient(TOKEN, OAuthBearerExtensions.none());
        client.initialResponse();
        String status = "{\"status\":\"insufficient_scope\",\"scope\":\"[kafka]\"}";

        assertThat(client.evaluateChallenge(status.getBytes(UTF_8))).containsExactly(1);
        assertThat(client.isComplete()).isFalse();
        assertThatThrownBy(() -> client.evaluateChallenge(new byte[0]))
                .isInstanceOf(SaslProtocolException.class)
                .hasMessageContaining(status)
                .hasMessageContaining("alice")
                .message().doesNotContain(TOKEN.value());
    }

    @Test
    void aChallengeBeforeTheFirstMessageIsRefused() {
        SaslMechanismClient client = new OAuthBearerSaslClient(TOKEN, OAuthBearerExtensions.none());

        assertThatThrownBy(() -> client.evaluateChallenge(new byte[0])).isInstanceOf(SaslProtocolException.class);
    }
}
