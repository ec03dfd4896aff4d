package io.kafkaex.security;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Where the AWS credentials that sign AWS_MSK_IAM authentications come from: the AWS SDK's default chain
 * ({@link AwsSdkCredentials#defaultChain()}), another SDK provider ({@link AwsSdkCredentials#from}), or code of
 * your own. The client asks once per authentication (each new connection), on its event-loop thread, so the
 * call must return at once: resolving credentials may block (instance metadata, STS, SSO), so do that on an
 * executor of your own, for example with {@link #blocking(Supplier, Executor)}. The client keeps no
 * credentials between authentications; a provider that fetches them remotely should cache them itself, as the
 * SDK's providers do.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AwsCredentialsProvider {

    /** Current credentials; completes exceptionally when none can be had. Must not block the calling thread. */
    CompletableFuture<AwsCredentials> credentials();

    /** A provider that runs the blocking {@code source} on {@code executor} for each authentication. */
    static AwsCredentialsProvider blocking(Supplier<AwsCredentials> source, Executor executor) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(executor, "executor");
        return () -> CompletableFuture.supplyAsync(source, executor);
    }
}
