package io.kafkaex.autoconfigure;

import io.kafkaex.autoconfigure.SaslProperties.Mechanism;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.security.AwsCredentialsProvider;
import io.kafkaex.security.OAuthBearerTokenProvider;
import io.kafkaex.security.SaslMechanism;
import io.kafkaex.security.SecurityProtocol;
import io.kafkaex.security.tls.TlsOptions;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.ClassUtils;

/**
 * Turns {@code kafkaex.security.*}, {@code kafkaex.ssl.*} and {@code kafkaex.sasl.*} (with the application's
 * {@link OAuthBearerTokenProvider}, {@link AwsCredentialsProvider} and {@link SslBundles} beans) into the security
 * settings of a client. Which properties a mechanism needs is decided here, so that a missing one is reported by its
 * name; the values themselves are checked by the core.
 *
 * <p>Everything is checked and the TLS material loaded when it is created, at start-up; immutable afterwards, so
 * any thread may use it.
 */
final class SecurityPropertiesMapper {

    private static final String SASL_PROTOCOLS = "SASL_PLAINTEXT or SASL_SSL";
    /** The AWS SDK class the core's default credentials chain needs. */
    private static final String AWS_SDK_CHAIN = "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider";

    private final SecurityProtocol protocol;
    private final SaslProperties sasl;
    private final TlsOptions tls;
    private final OAuthBearerTokenProvider tokenProvider;
    private final AwsCredentialsProvider awsCredentials;

    /**
     * @param bundles        the application's SSL bundles, or {@code null}
     * @param tokenProvider  the OAUTHBEARER token source, or {@code null}
     * @param awsCredentials the AWS_MSK_IAM credentials, or {@code null} for the AWS SDK's default chain
     * @throws InvalidKafkaExPropertyException when a property is missing or its value cannot be used
     */
    SecurityPropertiesMapper(KafkaExProperties properties, SslBundles bundles, OAuthBearerTokenProvider tokenProvider,
            AwsCredentialsProvider awsCredentials) {
        this.protocol = properties.getSecurity().getProtocol();
        this.sasl = properties.getSasl();
        this.tokenProvider = tokenProvider;
        this.awsCredentials = awsCredentials;
        SslProperties ssl = properties.getSsl();
        checkProtocol(ssl);
        checkMechanismInputs();
        this.tls = protocol.usesTls() || ssl.hasMaterial() ? TlsPropertiesMapper.map(ssl, bundles) : null;
    }

    /** Adds the security settings to {@code mapping}. */
    void mapTo(PropertyMapping<KafkaExClientOptions.Builder> mapping) {
        Mechanism mechanism = sasl.getMechanism();
        if (mechanism == Mechanism.AWS_MSK_IAM) {
            mapping.map("kafkaex.sasl.aws.region", sasl.getAws().getRegion(), "an AWS region name such as us-east-1",
                    (builder, region) -> secure(builder));
        } else if (mechanism == Mechanism.OAUTHBEARER) {
            // the window before the mapping that switches OAUTHBEARER (and so the window's check) on
            mapping.map("kafkaex.sasl.oauth.refresh-window", sasl.getOauth().getRefreshWindow(),
                    "a fraction above 0 and below 1", KafkaExClientOptions.Builder::oauthBearerRefreshWindow);
            mapping.map("kafkaex.sasl.oauth.extensions", sasl.getOauth().getExtensions(), "extensions whose keys are"
                    + " ASCII letters other than 'auth' and whose values are not empty (visible ASCII, space, tab, CR, LF)",
                    (builder, extensions) -> secure(builder));
        } else {
            mapping.map("kafkaex.security.protocol", protocol, "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL",
                    (builder, securityProtocol) -> secure(builder));
        }
    }

    private KafkaExClientOptions.Builder secure(KafkaExClientOptions.Builder builder) {
        builder.securityProtocol(protocol).tls(tls);
        Mechanism mechanism = sasl.getMechanism();
        if (mechanism == null) {
            return builder;
        }
        return switch (mechanism) {
            case PLAIN, SCRAM_SHA_256, SCRAM_SHA_512 ->
                    builder.sasl(SaslMechanism.valueOf(mechanism.name()), sasl.getUsername(), sasl.getPassword());
            case OAUTHBEARER -> builder.oauthBearer(tokenProvider, sasl.getOauth().getExtensions());
            case AWS_MSK_IAM -> awsCredentials == null ? builder.awsMskIam(sasl.getAws().getRegion())
                    : builder.awsMskIam(sasl.getAws().getRegion(), awsCredentials);
        };
    }

    private void checkProtocol(SslProperties ssl) {
        if (protocol == null) {
            throw new InvalidKafkaExPropertyException("kafkaex.security.protocol", null,
                    "one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL", null);
        }
        Mechanism mechanism = sasl.getMechanism();
        if (protocol.usesSasl() && mechanism == null) {
            throw new InvalidKafkaExPropertyException("kafkaex.sasl.mechanism", null, "set when"
                    + " kafkaex.security.protocol is " + protocol + ": PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER"
                    + " or AWS_MSK_IAM", null);
        }
        if (!protocol.usesSasl() && mechanism != null) {
            throw new InvalidKafkaExPropertyException("kafkaex.security.protocol", protocol, SASL_PROTOCOLS
                    + " when kafkaex.sasl.mechanism is set (it is " + mechanism.wireName() + ")", null);
        }
        if (protocol == SecurityProtocol.SASL_PLAINTEXT && ssl.hasMaterial()) {
            throw new InvalidKafkaExPropertyException("kafkaex.security.protocol", protocol,
                    "SASL_SSL when TLS material is configured under kafkaex.ssl (SASL_PLAINTEXT sends everything in"
                            + " the clear)", null);
        }
    }

    private void checkMechanismInputs() {
        Mechanism mechanism = sasl.getMechanism();
        if (mechanism == null) {
            return;
        }
        switch (mechanism) {
            case PLAIN, SCRAM_SHA_256, SCRAM_SHA_512 -> {
                if (sasl.getUsername() == null || sasl.getUsername().isBlank()) {
                    throw new InvalidKafkaExPropertyException("kafkaex.sasl.username", sasl.getUsername(),
                            "a non-blank user name when kafkaex.sasl.mechanism is " + mechanism.wireName(), null);
                }
                if (sasl.getPassword() == null || sasl.getPassword().isEmpty()) {
                    throw new InvalidKafkaExPropertyException("kafkaex.sasl.password", "(empty)",
                            "a non-empty password when kafkaex.sasl.mechanism is " + mechanism.wireName(), null);
                }
            }
            case OAUTHBEARER -> {
                if (tokenProvider == null) {
                    throw new InvalidKafkaExPropertyException("kafkaex.sasl.mechanism", mechanism.wireName(),
                            "OAUTHBEARER only with an OAuthBearerTokenProvider bean, which supplies the tokens", null);
                }
            }
            case AWS_MSK_IAM -> {
                if (sasl.getAws().getRegion() == null) {
                    throw new InvalidKafkaExPropertyException("kafkaex.sasl.aws.region", null,
                            "set when kafkaex.sasl.mechanism is AWS_MSK_IAM: the MSK cluster's region, e.g. us-east-1",
                            null);
                }
                if (awsCredentials == null && !ClassUtils.isPresent(AWS_SDK_CHAIN, getClass().getClassLoader())) {
                    throw new InvalidKafkaExPropertyException("kafkaex.sasl.mechanism", mechanism.wireName(),
                            "AWS_MSK_IAM only with software.amazon.awssdk:auth on the classpath (for the AWS SDK's"
                                    + " default credentials chain) or an AwsCredentialsProvider bean", null);
                }
            }
        }
    }
}
