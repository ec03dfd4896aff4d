package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The AWS SDK adapter: the default chain, SDK session credentials, and the message when the SDK is absent. */
class AwsSdkCredentialsTest {

    @Test
    void theDefaultChainReadsTheSdksSystemProperties() {
        String id = System.getProperty("aws.accessKeyId");
        String secret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", "AKIDFROMPROPERTIES");
        System.setProperty("aws.secretAccessKey", "secret-from-properties");
        try {
            AwsCredentials credentials = AwsSdkCredentials.defaultChain().credentials()
                    .orTimeout(30, TimeUnit.SECONDS).join();

            assertThat(credentials.accessKeyId()).isEqualTo("AKIDFROMPROPERTIES");
            assertThat(credentials.secretAccessKey().reveal()).isEqualTo("secret-from-properties");
            assertThat(credentials.sessionToken()).isNull();
        } finally {
            restore("aws.accessKeyId", id);
            restore("aws.secretAccessKey", secret);
        }
    }

    @Test
    void sdkSessionCredentialsKeepTheirTokenAndTheProviderShowsNoSecret() {
        StaticCredentialsProvider sdk = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXAMPLE", "sdk-secret", "sdk-token"));

        AwsCredentialsProvider provider = AwsSdkCredentials.from(sdk, Runnable::run);
        AwsCredentials credentials = provider.credentials().join();

        assertThat(credentials.sessionToken().reveal()).isEqualTo("sdk-token");
        assertThat(credentials.secretAccessKey().reveal()).isEqualTo("sdk-secret");
        assertThat(provider.toString()).isEqualTo("AwsSdkCredentials[StaticCredentialsProvider]");
    }

    @Test
    void anAbsentSdkIsNamedByItsArtifactWithTheAlternative() {
        assertThatThrownBy(() -> AwsSdkAvailability.require("software.amazon.awssdk.NoSuchClass"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("AWS_MSK_IAM with the AWS SDK's default credentials chain needs software.amazon.awssdk:auth"
                        + " on the classpath; add that dependency, or supply the credentials with an"
                        + " AwsCredentialsProvider of your own (awsMskIam(region, provider))");
    }

    @Test
    void aFailingSdkProviderFailsTheFuture() {
        AwsCredentialsProvider provider = AwsSdkCredentials.from(() -> {
            throw new IllegalStateException("Unable to load credentials from any of the providers in the chain");
        }, Runnable::run);

        assertThat(provider.credentials()).failsWithin(Duration.ZERO).withThrowableOfType(Exception.class)
                .withMessageContaining("Unable to load credentials");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
