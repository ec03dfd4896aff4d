package io.kafkaex.security;

import io.kafkaex.ClientSoftware;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * SASL AWS_MSK_IAM, Amazon MSK's IAM access control, as AWS's {@code aws-msk-iam-auth} library defines it:
 * the client's single message is a UTF-8 JSON object holding a SigV4-presigned {@code GET https://<broker host>/}
 * with the query parameter {@code Action=kafka-cluster:Connect}, for the service {@code kafka-cluster} in the
 * configured region, valid for 15 minutes and signed at the time the message is made. Its members are
 * {@code version} ({@value #VERSION}), {@code host}, {@code user-agent}, {@code action}, and the presigned query
 * parameters with lower-cased names ({@code x-amz-algorithm}, {@code -credential}, {@code -date},
 * {@code -security-token} with temporary credentials only, {@code -signedheaders}, {@code -expires},
 * {@code -signature}), values not URL-encoded. The broker answers an accepted signature with
 * {@code {"version":"2020_10_22","request-id":"..."}}; an empty or otherwise different answer is refused.
 * A refused signature arrives as a SaslAuthenticate error instead.
 *
 * <p>The user agent is {@code kafkaex-java/<version>}: AWS's library sends its own name and version followed
 * by the SDK's user agent; the broker only records the value, so KafkaEx names itself, which shows in the
 * broker's logs which client connected.
 *
 * <p>Not thread-safe; one instance per authentication, used on the event loop.
 */
final class AwsMskIamSaslClient implements SaslMechanismClient {

    /** The mechanism's name in SaslHandshake. */
    static final String MECHANISM = "AWS_MSK_IAM";
    /** The payload format version, in the client's message and the broker's answer. */
    static final String VERSION = "2020_10_22";
    static final String SERVICE = "kafka-cluster";
    static final String ACTION = "kafka-cluster:Connect";
    static final Duration EXPIRES = Duration.ofMinutes(15);
    static final String USER_AGENT = ClientSoftware.NAME + "/" + ClientSoftware.VERSION;

    private final String host;
    private final AwsSigV4Presigner presigner;
    private final AwsCredentials credentials;
    private final Clock clock;
    private boolean sent;
    private boolean complete;

    /** Signs for the broker {@code host} in {@code region} with {@code credentials} at {@code clock}'s time. */
    AwsMskIamSaslClient(String host, String region, AwsCredentials credentials, Clock clock) {
        this.host = host;
        this.presigner = new AwsSigV4Presigner(region, SERVICE);
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public String mechanism() {
        return MECHANISM;
    }

    @Override
    public byte[] initialResponse() {
        sent = true;
        Map<String, String> query = presigner.presign(host, "/", Map.of("Action", ACTION),
                AwsSigV4Presigner.EMPTY_PAYLOAD_HASH, credentials, clock.instant(), EXPIRES);
        query.remove("Action");
        StringBuilder json = new StringBuilder("{\"version\":\"" + VERSION + "\",\"host\":").append(SaslJson.quote(host))
                .append(",\"user-agent\":").append(SaslJson.quote(USER_AGENT))
                .append(",\"action\":").append(SaslJson.quote(ACTION));
        query.forEach((name, value) -> json.append(',').append(SaslJson.quote(name.toLowerCase(Locale.ROOT)))
                .append(':').append(SaslJson.quote(value)));
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        if (!sent || complete) {
            throw new SaslProtocolException(MECHANISM + ": unexpected message from the broker");
        }
        if (challenge.length == 0) {
            throw new SaslProtocolException(MECHANISM + ": the broker's answer is empty; expected {\"version\":\""
                    + VERSION + "\",\"request-id\":...}");
        }
        String text = new String(challenge, StandardCharsets.UTF_8);
        Map<String, String> answer;
        try {
            answer = SaslJson.parseStringObject(text);
        } catch (IllegalArgumentException e) {
            throw new SaslProtocolException(MECHANISM + ": the broker's answer is " + e.getMessage() + ": " + text);
        }
        if (!VERSION.equals(answer.get("version")) || answer.get("request-id") == null) {
            throw new SaslProtocolException(MECHANISM + ": the broker's answer lacks version " + VERSION
                    + " or a request-id: " + text);
        }
        complete = true;
        return null;
    }

    @Override
    public boolean isComplete() {
        return complete;
    }
}
