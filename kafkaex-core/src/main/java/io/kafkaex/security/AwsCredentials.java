package io.kafkaex.security;

/**
 * The AWS credentials that sign an AWS_MSK_IAM authentication: an access key id, its secret access key and,
 * for temporary credentials (an assumed role, an instance or task role, SSO), the session token issued with
 * them. The secret key and the session token are {@link Password}s, so {@link #toString()} and every message
 * show neither; the access key id identifies the key without granting anything and is shown.
 *
 * <p>Immutable and thread-safe.
 *
 * @param accessKeyId the access key id, e.g. {@code AKIA...} or, for temporary credentials, {@code ASIA...}
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token of temporary credentials, or {@code null} for long-term ones
 */
public record AwsCredentials(String accessKeyId, Password secretAccessKey, Password sessionToken) {

    /**
     * @throws IllegalArgumentException when the access key id is blank or the secret key missing or empty
     *         (an empty session token counts as none)
     */
    public AwsCredentials {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("AWS credentials need a non-blank access key id");
        }
        if (secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("AWS credentials of access key " + accessKeyId
                    + " need a non-empty secret access key");
        }
        if (sessionToken != null && sessionToken.isEmpty()) {
            sessionToken = null;
        }
    }

    /** Long-term credentials (an IAM user's access key). */
    public static AwsCredentials of(String accessKeyId, String secretAccessKey) {
        return of(accessKeyId, secretAccessKey, null);
    }

    /** Temporary credentials with their session token; a {@code null} or empty token means long-term ones. */
    public static AwsCredentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new AwsCredentials(accessKeyId, secretAccessKey == null ? null : Password.of(secretAccessKey),
                sessionToken == null ? null : Password.of(sessionToken));
    }

    /** The access key id, with the secret key and any session token redacted. */
    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=" + Password.REDACTED
                + ", sessionToken=" + (sessionToken == null ? "none" : Password.REDACTED) + "]";
    }
}
