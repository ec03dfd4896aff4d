package io.kafkaex.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The AWS_MSK_IAM client message for fixed credentials, region, host and clock, against values derived
 * independently of this code from the SigV4 specification, and the handling of the broker's answer.
 *
 * <p>How the expected signatures were derived: a short Python 3 script using only {@code hashlib} and
 * {@code hmac} followed the SigV4 steps for a presigned request (the script first reproduced the published
 * signature {@code aeeed9bb...f604d404} of AWS's S3 presigned-URL example, see {@link AwsSigV4PresignerTest}).
 * For access key {@code AKIDEXAMPLE}, secret {@code wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY}, region
 * {@code us-east-1}, service {@code kafka-cluster}, host {@code b-1.example.kafka.us-east-1.amazonaws.com} and
 * time 2020-10-22T12:00:00Z the canonical request without a session token is
 * <pre>
 * GET
 * /
 * Action=kafka-cluster%3AConnect&amp;X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=AKIDEXAMPLE%2F20201022%2Fus-east-1%2Fkafka-cluster%2Faws4_request&amp;X-Amz-Date=20201022T120000Z&amp;X-Amz-Expires=900&amp;X-Amz-SignedHeaders=host
 * host:b-1.example.kafka.us-east-1.amazonaws.com
 *
 * host
 * e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
 * </pre>
 * (the last line is SHA-256 of the empty body, as the SDK's {@code Aws4Signer} presigns; S3 alone uses
 * {@code UNSIGNED-PAYLOAD}). Its string to sign is
 * {@code AWS4-HMAC-SHA256\n20201022T120000Z\n20201022/us-east-1/kafka-cluster/aws4_request\n544b199f0609c7acb58630a3dd88e0513025d244ff3d32109a61aae483f35a31},
 * and the signature {@code HMAC(HMAC(HMAC(HMAC(HMAC("AWS4"+secret, "20201022"), "us-east-1"), "kafka-cluster"),
 * "aws4_request"), stringToSign)} in hex. With the session token {@code FwoGZXIvYXdzEBYaDExample+Token/Value==}
 * the query also holds {@code X-Amz-Security-Token=FwoGZXIvYXdzEBYaDExample%2BToken%2FValue%3D%3D} between
 * {@code X-Amz-Expires} and {@code X-Amz-SignedHeaders}, and the canonical request's hash is
 * {@code 8f53b0867d03de34dd4d83f1ba392b80d955a3759bbe57e00c5f36d02f6c7076}. The core of the script:
 * <pre>
 * enc = lambda s: urllib.parse.quote(s, safe='-_.~')
 * cq = "&amp;".join(f"{k}={enc(v)}" for k, v in sorted((enc(k), v) for k, v in params.items()))
 * creq = "\n".join(["GET", "/", cq, f"host:{host}\n", "host", hashlib.sha256(b"").hexdigest()])
 * sts = "\n".join(["AWS4-HMAC-SHA256", amzdate, scope, hashlib.sha256(creq.encode()).hexdigest()])
 * k = b"AWS4" + secret; for part in (date, region, "kafka-cluster", "aws4_request"): k = hmac.new(k, part, sha256).digest()
 * signature = hmac.new(k, sts, sha256).hexdigest()
 * </pre>
 * {@link AwsSigV4SdkOracleTest} checks the same signatures against the AWS SDK's own presigner.
 */
class AwsMskIamSaslClientTest {

    static final String HOST = "b-1.example.kafka.us-east-1.amazonaws.com";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2020-10-22T12:00:00Z"), ZoneOffset.UTC);
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String TOKEN = "FwoGZXIvYXdzEBYaDExample+Token/Value==";
    static final AwsCredentials LONG_TERM = AwsCredentials.of("AKIDEXAMPLE", SECRET);
    static final AwsCredentials TEMPORARY = AwsCredentials.of("AKIDEXAMPLE", SECRET, TOKEN);
    static final String SIGNATURE_LONG_TERM = "099dba946928b2064bc9de4fd37c620e1deb1f245ee498ba92607a0979ef4e83";
    static final String SIGNATURE_TEMPORARY = "39cb6f68fef1e1f5749df673d9c909eeea117a2d6d07d8647fc7a519a42305a9";

    static final String PAYLOAD_LONG_TERM = "{\"version\":\"2020_10_22\",\"host\":\"" + HOST + "\","
            + "\"user-agent\":\"kafkaex-java/0.1.0\",\"action\":\"kafka-cluster:Connect\","
            + "\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\","
            + "\"x-amz-credential\":\"AKIDEXAMPLE/20201022/us-east-1/kafka-cluster/aws4_request\","
            + "\"x-amz-date\":\"20201022T120000Z\",\"x-amz-expires\":\"900\",\"x-amz-signedheaders\":\"host\","
            + "\"x-amz-signature\":\"" + SIGNATURE_LONG_TERM + "\"}";
    static final String PAYLOAD_TEMPORARY = PAYLOAD_LONG_TERM
            .replace("\"x-amz-signedheaders\"", "\"x-amz-security-token\":\"" + TOKEN + "\",\"x-amz-signedheaders\"")
            .replace(SIGNATURE_LONG_TERM, SIGNATURE_TEMPORARY);

    @Test
    void theMessageIsThePresignedConnectRequestAsJson() {
        assertThat(message(LONG_TERM)).isEqualTo(PAYLOAD_LONG_TERM);
    }

    @Test
    void aSessionTokenIsSentAndSigned() {
        assertThat(message(TEMPORARY)).isEqualTo(PAYLOAD_TEMPORARY);
    }

    @Test
    void theBrokersAnswerWithVersionAndRequestIdCompletesTheExchange() {
        AwsMskIamSaslClient client = sent();

        assertThat(client.evaluateChallenge(bytes("{\"version\":\"2020_10_22\", \"request-id\":\"f2a5c0de\"}"))).isNull();
        assertThat(client.isComplete()).isTrue();
        assertThatThrownBy(() -> client.evaluateChallenge(bytes("{}"))).isInstanceOf(SaslProtocolException.class)
                .hasMessageContaining("unexpected message");
    }

    @Test
    void anEmptyMalformedOrWrongVersionAnswerIsRefused() {
        assertThatThrownBy(() -> sent().evaluateChallenge(new byte[0])).isInstanceOf(SaslProtocolException.class)
                .hasMessageContaining("AWS_MSK_IAM: the broker's answer is empty");
        assertThatThrownBy(() -> sent().evaluateChallenge(bytes("{\"version\":")))
                .isInstanceOf(SaslProtocolException.class).hasMessageContaining("not a JSON object of strings");
        assertThatThrownBy(() -> sent().evaluateChallenge(bytes("{\"version\":\"2021_01_01\",\"request-id\":\"x\"}")))
                .isInstanceOf(SaslProtocolException.class).hasMessageContaining("lacks version 2020_10_22 or a request-id");
        assertThatThrownBy(() -> sent().evaluateChallenge(bytes("{\"version\":\"2020_10_22\"}")))
                .isInstanceOf(SaslProtocolException.class).hasMessageContaining("request-id");
    }

    @Test
    void noAnswerIsExpectedBeforeTheMessageIsSent() {
        assertThatThrownBy(() -> new AwsMskIamSaslClient(HOST, "us-east-1", LONG_TERM, CLOCK).evaluateChallenge(new byte[0]))
                .isInstanceOf(SaslProtocolException.class).hasMessageContaining("unexpected message");
    }

    private static String message(AwsCredentials credentials) {
        return new String(new AwsMskIamSaslClient(HOST, "us-east-1", credentials, CLOCK).initialResponse(), UTF_8);
    }

    private static AwsMskIamSaslClient sent() {
        AwsMskIamSaslClient client = new AwsMskIamSaslClient(HOST, "us-east-1", TEMPORARY, CLOCK);
        client.initialResponse();
        return client;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
