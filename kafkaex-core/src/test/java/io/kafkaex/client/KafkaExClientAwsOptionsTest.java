package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.security.AwsCredentials;
import io.kafkaex.security.AwsCredentialsProvider;
import io.kafkaex.security.SaslMechanism;
import io.kafkaex.security.SecurityProtocol;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The AWS_MSK_IAM options: region and provider, the SDK default chain, the protocol and one mechanism only. */
class KafkaExClientAwsOptionsTest {

    private static final AwsCredentialsProvider PROVIDER =
            () -> CompletableFuture.completedFuture(AwsCredentials.of("AKIAEXAMPLE", "aws-secret-key", "aws-session-token"));

    private static KafkaExClientOptions.Builder saslSsl() {
        return KafkaExClientOptions.builder().bootstrapServers("b-1.example.kafka.us-east-1.amazonaws.com:9098")
                .securityProtocol(SecurityProtocol.SASL_SSL);
    }

    @Test
    void awsMskIamKeepsRegionAndProviderThroughToBuilder() {
        KafkaExClientOptions options = saslSsl().awsMskIam("us-east-1", PROVIDER).build();

        assertThat(options.awsMskIam().region()).isEqualTo("us-east-1");
        assertThat(options.awsMskIam().credentials()).isSameAs(PROVIDER);
        assertThat(options.sasl()).isNull();
        assertThat(options.oauthBearer()).isNull();
        assertThat(options.toBuilder().build().awsMskIam()).isEqualTo(options.awsMskIam());
        assertThat(options.toString()).contains("awsMskIam", "us-east-1")
                .doesNotContain("aws-secret-key", "aws-session-token");
    }

    @Test
    void theRegionAloneUsesTheSdksDefaultChain() {
        KafkaExClientOptions options = saslSsl().awsMskIam("eu-west-1").build();

        assertThat(options.awsMskIam().credentials().toString()).isEqualTo("AwsSdkCredentials[DefaultCredentialsProvider]");
        assertThat(options.toString()).contains("awsMskIam=AwsMskIamOptions[region=eu-west-1");
    }

    @Test
    void aRegionAndAProviderAreRequired() {
        assertThatThrownBy(() -> saslSsl().awsMskIam(null, null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("awsMskIam region must be an AWS region name such as us-east-1, was null")
                .hasMessageContaining("awsMskIam needs a credentials provider");
        assertThatThrownBy(() -> saslSsl().awsMskIam("US East", PROVIDER).build())
                .hasMessageContaining("was US East");
    }

    @Test
    void awsMskIamNeedsASaslProtocolAndExcludesOtherMechanisms() {
        assertThatThrownBy(() -> KafkaExClientOptions.builder().bootstrapServers("k:9098").awsMskIam("us-east-1", PROVIDER)
                .build())
                .hasMessageContaining("awsMskIam is set but securityProtocol PLAINTEXT does not use SASL");
        assertThatThrownBy(() -> saslSsl().awsMskIam("us-east-1", PROVIDER).sasl(SaslMechanism.PLAIN, "alice", "alice-secret")
                .build())
                .hasMessageContaining("sasl(...) and awsMskIam(...) are both set; choose one mechanism")
                .hasMessageNotContaining("alice-secret");
        assertThatThrownBy(() -> saslSsl().build())
                .hasMessageContaining("or awsMskIam(region[, provider])");
    }
}
