package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class OAuthBearerTokenCacheTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Hands out the futures queued in {@link #next}, counting calls. */
    private final List<CompletableFuture<OAuthBearerToken>> next = new ArrayList<>();
    private int calls;
    private final OAuthBearerTokenProvider provider = () -> {
        calls++;
        return next.remove(0);
    };

    @Test
    void aTokenIsReusedUntilLessThanTheRefreshWindowOfItsLifetimeIsLeft() {
        OAuthBearerTokenCache cache = new OAuthBearerTokenCache(provider, 0.2, clock);
        OAuthBearerToken first = token("one", T0, 100);
        OAuthBearerToken second = token("two", T0.plusSeconds(81), 100);
        next.add(CompletableFuture.completedFuture(first));
        next.add(CompletableFuture.completedFuture(second));

        assertThat(cache.token().join()).isSameAs(first);
        now = T0.plusSeconds(80); // 20 s of 100 left: not less than 20 %
        assertThat(cache.token().join()).isSameAs(first);
        now = T0.plusSeconds(81); // 19 s left
        assertThat(cache.token().join()).isSameAs(second);
        assertThat(calls).isEqualTo(2);
    }

    @Test
    void theRefreshWindowIsConfigurable() {
        OAuthBearerTokenCache cache = new OAuthBearerTokenCache(provider, 0.5, clock);
        OAuthBearerToken token = token("one", T0, 100);

        assertThat(cache.needsRefresh(token, T0.plusSeconds(50))).isFalse();
        assertThat(cache.needsRefresh(token, T0.plusSeconds(51))).isTrue();
        assertThat(cache.needsRefresh(token, T0.plusSeconds(100))).isTrue();
        assertThatThrownBy(() -> new OAuthBearerTokenCache(provider, 1.0, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectionsAskingWhileTheProviderWorksShareOneCall() {
        OAuthBearerTokenCache cache = new OAuthBearerTokenCache(provider, 0.2, clock);
        CompletableFuture<OAuthBearerToken> pending = new CompletableFuture<>();
        next.add(pending);

        CompletableFuture<OAuthBearerToken> a = cache.token();
        CompletableFuture<OAuthBearerToken> b = cache.token();
        OAuthBearerToken token = token("one", T0, 100);
        pending.complete(token);

        assertThat(a.join()).isSameAs(token);
        assertThat(b.join()).isSameAs(token);
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void anExpiredTokenFromTheProviderIsNeverHandedOut() {
        OAuthBearerTokenCache cache = new OAuthBearerTokenCache(provider, 0.2, clock);
        OAuthBearerToken stale = token("stale", T0.minusSeconds(200), 100);
        next.add(CompletableFuture.completedFuture(stale));

        assertThatThrownBy(() -> cache.token().join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(SaslProtocolException.class)
                .hasMessageContaining("expired at " + stale.expiresAt())
                .message().doesNotContain(stale.value());
    }

    @Test
    void whenTheProviderFailsTheCachedTokenIsUsedWhileStillValidButNotAfter() {
        OAuthBearerTokenCache cache = new OAuthBearerTokenCache(provider, 0.2, clock);
        OAuthBearerToken token = token("one", T0, 100);
        next.add(CompletableFuture.completedFuture(token));
        next.add(CompletableFuture.failedFuture(new IllegalStateException("idp down")));
        next.add(CompletableFuture.failedFuture(new IllegalStateException("idp down")));
        cache.token().join();

        now = T0.plusSeconds(90);
        assertThat(cache.token().join()).isSameAs(token);
        now = T0.plusSeconds(100);
        assertThatThrownBy(() -> cache.token().join())
                .hasCauseInstanceOf(SaslProtocolException.class)
                .hasMessageContaining("idp down");
        assertThat(calls).isEqualTo(3);
    }

    @Test
    void aProviderThatThrowsFailsTheFuture() {
        OAuthBearerTokenCache cache = new OAuthBearerTokenCache(() -> {
            throw new IllegalStateException("no config");
        }, 0.2, clock);

        assertThatThrownBy(() -> cache.token().join()).hasCauseInstanceOf(SaslProtocolException.class)
                .hasMessageContaining("no config");
    }

    private static OAuthBearerToken token(String name, Instant issuedAt, long lifetimeSeconds) {
        return new OAuthBearerToken("token-" + name, issuedAt, issuedAt.plusSeconds(lifetimeSeconds), "alice");
    }
}
