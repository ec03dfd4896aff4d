package io.kafkaex.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Signature Version 4 for a presigned GET request (authentication in the query string), written from
 * AWS's specification on JDK crypto (SHA-256, HmacSHA256): the canonical request (method, path, the query
 * parameters sorted by encoded name, the {@code host} header as the one signed header, the payload hash), the
 * string to sign over its hash, and the signature with the key derived from the secret key, date, region and
 * service. A session token is one of the signed query parameters ({@code X-Amz-Security-Token}), as AWS's
 * presigners add it before signing.
 *
 * <p>Immutable and thread-safe.
 */
final class AwsSigV4Presigner {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The payload hash of a request without a body: SHA-256 of zero bytes. */
    static final String EMPTY_PAYLOAD_HASH = HexFormat.of().formatHex(ScramAlgorithm.SHA_256.hash(new byte[0]));

    /** SCRAM's H and HMAC with SHA-256 are SigV4's hash and HMAC. */
    private static final ScramAlgorithm SHA_256 = ScramAlgorithm.SHA_256;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String SIGNED_HEADERS = "host";
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    private final String region;
    private final String service;

    /** Signs for {@code service} (e.g. {@code kafka-cluster}) in {@code region} (e.g. {@code us-east-1}). */
    AwsSigV4Presigner(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /**
     * Presigns {@code GET https://host/path?query} at {@code time}, valid for {@code expires}.
     *
     * @param query the request's own query parameters, not encoded
     * @param payloadHash the hex SHA-256 of the body, {@link #EMPTY_PAYLOAD_HASH} for none
     * @return the query of the presigned request, not encoded: {@code query}, then {@code X-Amz-Algorithm},
     *         {@code -Credential}, {@code -Date}, {@code -Expires}, {@code -Security-Token} (with a session token
     *         only), {@code -SignedHeaders} and {@code -Signature}
     */
    Map<String, String> presign(String host, String path, Map<String, String> query, String payloadHash,
            AwsCredentials credentials, Instant time, Duration expires) {
        String dateTime = DATE_TIME.format(time);
        String date = dateTime.substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        Map<String, String> signed = new LinkedHashMap<>(query);
        signed.put("X-Amz-Algorithm", ALGORITHM);
        signed.put("X-Amz-Credential", credentials.accessKeyId() + "/" + scope);
        signed.put("X-Amz-Date", dateTime);
        signed.put("X-Amz-Expires", Long.toString(expires.toSeconds()));
        if (credentials.sessionToken() != null) {
            signed.put("X-Amz-Security-Token", credentials.sessionToken().reveal());
        }
        signed.put("X-Amz-SignedHeaders", SIGNED_HEADERS);
        String canonicalRequest = "GET\n" + path + "\n" + canonicalQuery(signed) + "\nhost:" + host + "\n\n"
                + SIGNED_HEADERS + "\n" + payloadHash;
        String stringToSign = ALGORITHM + "\n" + dateTime + "\n" + scope + "\n"
                + HexFormat.of().formatHex(SHA_256.hash(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] signingKey = ("AWS4" + credentials.secretAccessKey().reveal()).getBytes(StandardCharsets.UTF_8);
        for (String part : new String[] {date, region, service, "aws4_request"}) {
            signingKey = hmac(signingKey, part);
        }
        signed.put("X-Amz-Signature", HexFormat.of().formatHex(hmac(signingKey, stringToSign)));
        return signed;
    }

    private static String canonicalQuery(Map<String, String> query) {
        Map<String, String> sorted = new TreeMap<>();
        query.forEach((name, value) -> sorted.put(uriEncode(name), uriEncode(value)));
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&").append(name).append('=').append(value));
        return out.toString();
    }

    /** SigV4's URI encoding: every UTF-8 byte but the unreserved characters as %XY with upper-case hex. */
    private static String uriEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
                out.append((char) b);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static byte[] hmac(byte[] key, String data) {
        return SHA_256.hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }
}
