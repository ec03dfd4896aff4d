package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * AWS_MSK_IAM with the SDK's default chain, in a class loader that has the core and slf4j but not the AWS SDK (an
 * application that did not add it): the options report the missing artifact instead of a NoClassDefFoundError.
 */
class AwsMskIamWithoutSdkTest {

    @Test
    void theDefaultChainWithoutTheSdkIsAnOptionsErrorNamingTheArtifact() throws Exception {
        URL[] coreAndSlf4j = {location(KafkaExClientOptions.class), location(Logger.class)};
        try (URLClassLoader withoutSdk = new URLClassLoader(coreAndSlf4j, ClassLoader.getPlatformClassLoader())) {
            assertThat(catchThrowable(() -> withoutSdk.loadClass("software.amazon.awssdk.auth.credentials.AwsCredentials")))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> options = withoutSdk.loadClass(KafkaExClientOptions.class.getName());
            Object builder = options.getMethod("builder").invoke(null);
            Class<?> builderType = builder.getClass();
            builderType.getMethod("bootstrapServers", String.class).invoke(builder, "localhost:9098");
            @SuppressWarnings({"unchecked", "rawtypes"})
            Class<Enum> protocol = (Class<Enum>) withoutSdk.loadClass("io.kafkaex.security.SecurityProtocol");
            builderType.getMethod("securityProtocol", protocol).invoke(builder, Enum.valueOf(protocol, "SASL_SSL"));
            builderType.getMethod("awsMskIam", String.class).invoke(builder, "us-east-1");

            Throwable failure = catchThrowable(() -> builderType.getMethod("build").invoke(builder));

            assertThat(failure).isInstanceOf(InvocationTargetException.class);
            assertThat(failure.getCause()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs software.amazon.awssdk:auth on the classpath");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
