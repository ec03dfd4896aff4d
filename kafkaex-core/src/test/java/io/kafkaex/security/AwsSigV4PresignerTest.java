package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SigV4 presigner against AWS's published example of a presigned URL. */
class AwsSigV4PresignerTest {

    /**
     * AWS's S3 documentation ("Authenticating Requests: Using Query Parameters", example presigned URL) signs
     * {@code GET https://examplebucket.s3.amazonaws.com/test.txt} for {@code AKIAIOSFODNN7EXAMPLE} at
     * 20130524T000000Z, valid 86400 s, in us-east-1, with S3's payload hash {@code UNSIGNED-PAYLOAD}, and
     * publishes the signature {@code aeeed9bb...f604d404}.
     */
    @Test
    void theS3PresignedUrlExampleHasItsPublishedSignature() {
        Map<String, String> query = new AwsSigV4Presigner("us-east-1", "s3").presign("examplebucket.s3.amazonaws.com",
                "/test.txt", Map.of(), "UNSIGNED-PAYLOAD",
                AwsCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                Instant.parse("2013-05-24T00:00:00Z"), Duration.ofDays(1));

        assertThat(query).containsExactly(
                Map.entry("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
                Map.entry("X-Amz-Credential", "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request"),
                Map.entry("X-Amz-Date", "20130524T000000Z"),
                Map.entry("X-Amz-Expires", "86400"),
                Map.entry("X-Amz-SignedHeaders", "host"),
                Map.entry("X-Amz-Signature", "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"));
    }

    @Test
    void theEmptyPayloadHashIsSha256OfNoBytes() {
        assertThat(AwsSigV4Presigner.EMPTY_PAYLOAD_HASH)
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
