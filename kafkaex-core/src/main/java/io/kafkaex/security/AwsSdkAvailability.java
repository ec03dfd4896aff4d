package io.kafkaex.security;

/**
 * Whether the AWS SDK's credentials providers are on the classpath. Free of SDK types on purpose: the JVM may need
 * SDK classes merely to verify {@link AwsSdkCredentials}, so that class cannot check for the SDK itself without failing
 * with a {@link NoClassDefFoundError} first. Stateless; any thread may call it.
 */
public final class AwsSdkAvailability {

    /** The Maven artifact that holds the SDK's credentials providers. */
    static final String ARTIFACT = "software.amazon.awssdk:auth";
    private static final String PROBE_CLASS = "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider";

    private AwsSdkAvailability() {
    }

    /**
     * @throws IllegalStateException naming {@value #ARTIFACT} and the alternative when the SDK is not on the classpath
     */
    public static void require() {
        require(PROBE_CLASS);
    }

    /** {@link #require()} with the class to probe for; a seam for tests. */
    static void require(String probeClass) {
        try {
            Class.forName(probeClass, false, AwsSdkAvailability.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("AWS_MSK_IAM with the AWS SDK's default credentials chain needs " + ARTIFACT
                    + " on the classpath; add that dependency, or supply the credentials with an AwsCredentialsProvider"
                    + " of your own (awsMskIam(region, provider))", e);
        }
    }
}
