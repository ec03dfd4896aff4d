package io.kafkaex.security;

import io.kafkaex.test.TestCredentials;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** An unsecured-JWT provider for the harness user alice that records every token it hands out. Any thread. */
final class RecordingTokenProvider implements OAuthBearerTokenProvider {

    private final UnsecuredJwtTokenProvider tokensFor;
    final List<OAuthBearerToken> tokens = new CopyOnWriteArrayList<>();

    RecordingTokenProvider(List<String> scopes, Duration lifetime) {
        this.tokensFor = new UnsecuredJwtTokenProvider(TestCredentials.ALICE.name(), scopes, lifetime);
    }

    @Override
    public CompletableFuture<OAuthBearerToken> token() {
        return tokensFor.token().thenApply(token -> {
            tokens.add(token);
            return token;
        });
    }
}
