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

    private AwsSdkCredentials() {
    }

    /**
     * The AWS SDK's default credentials chain.
     *
     * <p>Callers that may run without the SDK check {@link AwsSdkAvailability#require()} first: without the SDK this
     * class may not even load.
     */
    public static AwsCredentialsProvider defaultChain() {
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
