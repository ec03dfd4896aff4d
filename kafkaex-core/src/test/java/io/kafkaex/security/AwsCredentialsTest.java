package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** AWS credentials: validation, redaction, and the blocking provider adapter. */
class AwsCredentialsTest {

    @Test
    void toStringShowsTheAccessKeyIdButNeitherSecretKeyNorSessionToken() {
        AwsCredentials temporary = AwsCredentials.of("ASIAEXAMPLE", "the-secret-key", "the-session-token");

        assertThat(temporary.toString()).contains("ASIAEXAMPLE", "[redacted]")
                .doesNotContain("the-secret-key", "the-session-token");
        assertThat(AwsCredentials.of("AKIAEXAMPLE", "the-secret-key").toString()).contains("sessionToken=none")
                .doesNotContain("the-secret-key");
    }

    @Test
    void anEmptySessionTokenMeansLongTermCredentials() {
        assertThat(AwsCredentials.of("AKIAEXAMPLE", "secret", "").sessionToken()).isNull();
    }

    @Test
    void aMissingKeyIsRefusedWithoutShowingTheSecret() {
        assertThatThrownBy(() -> AwsCredentials.of(" ", "the-secret-key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("access key id").hasMessageNotContaining("the-secret-key");
        assertThatThrownBy(() -> AwsCredentials.of("AKIAEXAMPLE", null)).hasMessageContaining("secret access key");
    }

    @Test
    void theBlockingAdapterRunsTheSourceOnTheExecutor() {
        AwsCredentials credentials = AwsCredentials.of("AKIAEXAMPLE", "secret");
        StringBuilder ran = new StringBuilder();

        CompletableFuture<AwsCredentials> result = AwsCredentialsProvider.blocking(() -> credentials,
                task -> {
                    ran.append("executor");
                    task.run();
                }).credentials();

        assertThat(result).isCompletedWithValue(credentials);
        assertThat(ran).hasToString("executor");
    }
}
