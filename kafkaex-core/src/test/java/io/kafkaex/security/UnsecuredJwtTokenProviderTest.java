package io.kafkaex.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnsecuredJwtTokenProviderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00.750Z"), ZoneOffset.UTC);

    @Test
    void makesAnUnsignedJwsWithSubjectTimesAndScopes() {
        OAuthBearerToken token = new UnsecuredJwtTokenProvider("al\"ice", List.of("kafka", "read"), Duration.ofMinutes(5),
                CLOCK).token().join();

        String[] parts = token.value().split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(parts[2]).isEmpty();
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"none\"}");
        assertThat(decode(parts[1])).isEqualTo(
                "{\"sub\":\"al\\\"ice\",\"iat\":1767225600,\"exp\":1767225900,\"scope\":[\"kafka\",\"read\"]}");
        assertThat(token.issuedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
        assertThat(token.principalName()).isEqualTo("al\"ice");
    }

    @Test
    void aLifetimeUnderOneSecondIsRefused() {
        assertThatThrownBy(() -> new UnsecuredJwtTokenProvider("alice", List.of(), Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), UTF_8);
    }
}
