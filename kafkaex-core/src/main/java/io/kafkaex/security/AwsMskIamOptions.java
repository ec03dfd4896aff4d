package io.kafkaex.security;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SASL AWS_MSK_IAM settings of a client: the AWS region of the MSK cluster, which goes into every
 * signature's credential scope, and where the credentials come from. Shows no secret. Immutable and
 * thread-safe.
 *
 * @param region the AWS region name of the cluster, e.g. {@code us-east-1}
 * @param credentials the credentials provider
 */
public record AwsMskIamOptions(String region, AwsCredentialsProvider credentials) {

    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");

    /** @throws IllegalArgumentException when {@code region} is not a region name such as {@code us-east-1} */
    public AwsMskIamOptions {
        if (!isRegion(region)) {
            throw new IllegalArgumentException("awsMskIam region must be an AWS region name such as us-east-1, was "
                    + region);
        }
        Objects.requireNonNull(credentials, "credentials");
    }

    /** Whether {@code region} has the form of an AWS region name (lower-case words joined by hyphens). */
    public static boolean isRegion(String region) {
        return region != null && REGION.matcher(region).matches();
    }
}
