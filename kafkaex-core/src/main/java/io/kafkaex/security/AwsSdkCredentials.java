package io.kafkaex.security;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * AWS_MSK_IAM credentials from the AWS SDK for Java 2.x ({@code software.amazon.awssdk:auth}, an optional
 * dependency of kafkaex-core): the SDK's default chain (environment, system properties, web identity, the
 * shared profile files, SSO, container and instance roles), or any SDK credentials provider. The only class
 * of KafkaEx that touches SDK types; without the SDK on the classpath {@link #defaultChain()} fails with a
 * message naming the artifact, and everything else of KafkaEx works.
 *
 * <p>SDK providers block while they fetch credentials (instance metadata, STS), so each resolution runs off
 * the event loop: on the given executor, or for the default chain on a short-lived daemon thread of its own
 * (one per authentication, that is per new connection; the SDK caches the credentials, so a resolution is
 * usually quick). Stateless; any thread may call it.
 */
public final class AwsSdkCredentials {

    /** The Maven artifact that holds the SDK's credentials providers. */
    static final String ARTIFACT = "software.amazon.awssdk:auth";
    private static final String PROBE_CLASS = "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider";

    private AwsSdkCredentials() {
    }

    /**
     * The AWS SDK's default credentials chain.
     *
     * @throws IllegalStateException naming {@value #ARTIFACT} when the SDK is not on the classpath
     */
    public static AwsCredentialsProvider defaultChain() {
        requireSdk(PROBE_CLASS);
        return from(DefaultCredentialsProvider.builder().build(), AwsSdkCredentials::runOnOwnThread);
    }

    /** Credentials from the SDK provider {@code sdkProvider}, resolved on {@code executor}. */
    public static AwsCredentialsProvider from(software.amazon.awssdk.auth.credentials.AwsCredentialsProvider sdkProvider,
            Executor executor) {
        Objects.requireNonNull(sdkProvider, "sdkProvider");
        AwsCredentialsProvider blocking = AwsCredentialsProvider.blocking(() -> convert(sdkProvider.resolveCredentials()),
                executor);
        return new AwsCredentialsProvider() {
            @Override
            public CompletableFuture<AwsCredentials> credentials() {
                return blocking.credentials();
            }

            @Override
            public String toString() {
                return "AwsSdkCredentials[" + sdkProvider.getClass().getSimpleName() + "]";
            }
        };
    }

    /**
     * Checks that the class {@code probeClass} of the SDK can be loaded; a seam for tests.
     *
     * @throws IllegalStateException naming the artifact to add, and the alternative, when it cannot
     */
    static void requireSdk(String probeClass) {
        try {
            Class.forName(probeClass, false, AwsSdkCredentials.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("AWS_MSK_IAM with the AWS SDK's default credentials chain needs " + ARTIFACT
                    + " on the classpath; add that dependency, or supply the credentials with an AwsCredentialsProvider"
                    + " of your own (awsMskIam(region, provider))", e);
        }
    }

    private static AwsCredentials convert(software.amazon.awssdk.auth.credentials.AwsCredentials sdk) {
        String sessionToken = sdk instanceof AwsSessionCredentials session ? session.sessionToken() : null;
        return AwsCredentials.of(sdk.accessKeyId(), sdk.secretAccessKey(), sessionToken);
    }

    private static void runOnOwnThread(Runnable task) {
        Thread thread = new Thread(task, "kafkaex-aws-credentials");
        thread.setDaemon(true);
        thread.start();
    }
}
