package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS SDK's own presigner as an oracle: AWS's {@code aws-msk-iam-auth} presigns {@code GET https://<host>}
 * with the raw query parameter {@code Action=kafka-cluster:Connect} through the SDK's {@code Aws4Signer},
 * service {@code kafka-cluster}, expiring 15 minutes after signing. Done here the same way with the test's
 * fixed clock, the SDK must produce the signatures of {@link AwsMskIamSaslClientTest} and the same query
 * parameters, session token included, and the {@code host} header the payload carries.
 */
class AwsSigV4SdkOracleTest {

    @Test
    void theSdkPresignerSignsLikeUsWithoutSessionToken() {
        SdkHttpFullRequest signed = sdkPresign(AwsBasicCredentials.create("AKIDEXAMPLE", AwsMskIamSaslClientTest.SECRET));

        assertThat(signed.rawQueryParameters()).containsEntry("X-Amz-Signature",
                List.of(AwsMskIamSaslClientTest.SIGNATURE_LONG_TERM)).doesNotContainKey("X-Amz-Security-Token");
        assertThat(signed.headers()).containsEntry("Host", List.of(AwsMskIamSaslClientTest.HOST));
    }

    @Test
    void theSdkPresignerSignsLikeUsWithSessionToken() {
        SdkHttpFullRequest signed = sdkPresign(AwsSessionCredentials.create("AKIDEXAMPLE", AwsMskIamSaslClientTest.SECRET,
                AwsMskIamSaslClientTest.TOKEN));

        assertThat(signed.rawQueryParameters()).containsAllEntriesOf(Map.of(
                "Action", List.of("kafka-cluster:Connect"),
                "X-Amz-Algorithm", List.of("AWS4-HMAC-SHA256"),
                "X-Amz-Credential", List.of("AKIDEXAMPLE/20201022/us-east-1/kafka-cluster/aws4_request"),
                "X-Amz-Date", List.of("20201022T120000Z"),
                "X-Amz-Expires", List.of("900"),
                "X-Amz-Security-Token", List.of(AwsMskIamSaslClientTest.TOKEN),
                "X-Amz-SignedHeaders", List.of("host"),
                "X-Amz-Signature", List.of(AwsMskIamSaslClientTest.SIGNATURE_TEMPORARY)));
    }

    @SuppressWarnings("deprecation") // Aws4Signer is what aws-msk-iam-auth uses
    private static SdkHttpFullRequest sdkPresign(software.amazon.awssdk.auth.credentials.AwsCredentials credentials) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host(AwsMskIamSaslClientTest.HOST).appendRawQueryParameter("Action", "kafka-cluster:Connect").build();
        Aws4PresignerParams params = Aws4PresignerParams.builder().awsCredentials(credentials)
                .signingRegion(Region.US_EAST_1).signingName("kafka-cluster")
                .signingClockOverride(AwsMskIamSaslClientTest.CLOCK)
                .expirationTime(AwsMskIamSaslClientTest.CLOCK.instant().plus(AwsMskIamSaslClient.EXPIRES)).build();
        return Aws4Signer.create().presign(request, params);
    }
}
