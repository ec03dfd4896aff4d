package io.kafkaex.docs.samples.security;

import io.kafkaex.security.OAuthBearerToken;
import io.kafkaex.security.OAuthBearerTokenProvider;

import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OAUTHBEARER token provider bean of the security guide ({@code kafkaex.sasl.mechanism=OAUTHBEARER}). */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    // tag::token-provider[]
    @Bean
    OAuthBearerTokenProvider kafkaTokens(Supplier<OAuthBearerToken> identityProvider) {  // e.g. an HTTP call to your IdP
        return OAuthBearerTokenProvider.blocking(identityProvider, Executors.newSingleThreadExecutor());
    }
    // end::token-provider[]
}
