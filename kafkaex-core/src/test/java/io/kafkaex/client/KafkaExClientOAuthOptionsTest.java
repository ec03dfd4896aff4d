package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.security.OAuthBearerTokenProvider;
import io.kafkaex.security.SaslMechanism;
import io.kafkaex.security.SecurityProtocol;
import io.kafkaex.security.UnsecuredJwtTokenProvider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OAUTHBEARER options: valid combinations, extension checks, refresh window, and that no token shows. */
class KafkaExClientOAuthOptionsTest {

    private static final OAuthBearerTokenProvider PROVIDER =
            new UnsecuredJwtTokenProvider("alice", List.of("kafka"), Duration.ofMinutes(5));

    private static KafkaExClientOptions.Builder saslPlaintext() {
        return KafkaExClientOptions.builder().bootstrapServers("k:9092").securityProtocol(SecurityProtocol.SASL_PLAINTEXT);
    }

    @Test
    void oauthBearerKeepsProviderExtensionsAndRefreshWindowThroughToBuilder() {
        KafkaExClientOptions options = saslPlaintext().oauthBearer(PROVIDER, Map.of("tenant", "prod"))
                .oauthBearerRefreshWindow(0.3).build();

        assertThat(options.oauthBearer().provider()).isSameAs(PROVIDER);
        assertThat(options.oauthBearer().extensions().asMap()).containsExactly(Map.entry("tenant", "prod"));
        assertThat(options.oauthBearer().refreshWindow()).isEqualTo(0.3);
        assertThat(options.sasl()).isNull();
        assertThat(options.toBuilder().build().oauthBearer()).isEqualTo(options.oauthBearer());
        assertThat(options.toString()).contains("oauthBearer", "tenant");
    }

    @Test
    void theDefaultRefreshWindowIsTwentyPercentAndNoExtensionsIsAllowed() {
        KafkaExClientOptions options = saslPlaintext().oauthBearer(PROVIDER, null).build();

        assertThat(options.oauthBearer().refreshWindow()).isEqualTo(0.2);
        assertThat(options.oauthBearer().extensions().asMap()).isEmpty();
    }

    @Test
    void invalidSettingsAreAllNamed() {
        assertThatThrownBy(() -> saslPlaintext().oauthBearer(null, Map.of("auth", "x")).oauthBearerRefreshWindow(1.5)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oauthBearer needs a token provider")
                .hasMessageContaining("'auth' is reserved")
                .hasMessageContaining("oauthBearerRefreshWindow must be above 0 and below 1, was 1.5");
    }

    @Test
    void oauthBearerNeedsASaslProtocolAndExcludesSasl() {
        assertThatThrownBy(() -> KafkaExClientOptions.builder().bootstrapServers("k:9092").oauthBearer(PROVIDER, null)
                .build())
                .hasMessageContaining("oauthBearer is set but securityProtocol PLAINTEXT does not use SASL");
        assertThatThrownBy(() -> saslPlaintext().oauthBearer(PROVIDER, null)
                .sasl(SaslMechanism.PLAIN, "alice", "alice-secret").build())
                .hasMessageContaining("sasl(...) and oauthBearer(...) are both set")
                .hasMessageNotContaining("alice-secret");
        assertThatThrownBy(() -> saslPlaintext().build())
                .hasMessageContaining("needs sasl(mechanism, username, password) or oauthBearer(provider, extensions)");
    }
}
