package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OAuthBearerTokenTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String VALUE = "eyJhbGciOiJub25lIn0.c2VjcmV0LWNsYWltcw.";

    @Test
    void toStringShowsPrincipalAndTimesButNeverTheValue() {
        OAuthBearerToken token = new OAuthBearerToken(VALUE, T0, T0.plusSeconds(60), "alice");

        assertThat(token.toString()).contains("alice", "2026-01-01T00:01:00Z", "[redacted]").doesNotContain(VALUE)
                .doesNotContain("c2VjcmV0");
        assertThat(token.lifetime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(token.isExpiredAt(T0.plusSeconds(59))).isFalse();
        assertThat(token.isExpiredAt(T0.plusSeconds(60))).isTrue();
    }

    @Test
    void aValueOutsideRfc6750IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new OAuthBearerToken("abc def\u0001secret", T0, T0.plusSeconds(1), "alice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alice")
                .message().doesNotContain("secret");
        assertThatThrownBy(() -> new OAuthBearerToken("", T0, T0.plusSeconds(1), "alice"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExpiryNotAfterTheIssueTimeIsRefused() {
        assertThatThrownBy(() -> new OAuthBearerToken(VALUE, T0, T0, "alice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not after it was issued");
    }
}
