package io.kafkaex.autoconfigure;

import io.kafkaex.security.OAuthBearerTokenCache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Properties under {@code kafkaex.sasl}: SASL authentication (PLAIN, SCRAM, OAUTHBEARER, AWS_MSK_IAM). Part of
 * {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class SaslProperties {

    /**
     * SASL mechanism to authenticate with; needs kafkaex.security.protocol SASL_PLAINTEXT or SASL_SSL. PLAIN and
     * SCRAM-SHA-256/512 use username and password, OAUTHBEARER an OAuthBearerTokenProvider bean, AWS_MSK_IAM
     * kafkaex.sasl.aws.region.
     */
    private Mechanism mechanism;

    /** User name for PLAIN and SCRAM. */
    private String username;

    /** Password for PLAIN and SCRAM; never logged. */
    private String password;

    private final OAuth oauth = new OAuth();

    private final Aws aws = new Aws();

    public Mechanism getMechanism() {
        return mechanism;
    }

    public void setMechanism(Mechanism mechanism) {
        this.mechanism = mechanism;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public OAuth getOauth() {
        return oauth;
    }

    public Aws getAws() {
        return aws;
    }

    /** The SASL mechanisms KafkaEx speaks. */
    public enum Mechanism {
        PLAIN("PLAIN"),
        SCRAM_SHA_256("SCRAM-SHA-256"),
        SCRAM_SHA_512("SCRAM-SHA-512"),
        OAUTHBEARER("OAUTHBEARER"),
        AWS_MSK_IAM("AWS_MSK_IAM");

        private final String wireName;

        Mechanism(String wireName) {
            this.wireName = wireName;
        }

        /** The mechanism's name as Kafka writes it, e.g. {@code SCRAM-SHA-256}. */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * Properties under {@code kafkaex.sasl.oauth}: OAUTHBEARER; the tokens come from the application's
     * {@code OAuthBearerTokenProvider} bean.
     */
    public static class OAuth {

        /** SASL extensions (KIP-342) sent with every token: keys of ASCII letters other than "auth", non-empty values. */
        private Map<String, String> extensions = new LinkedHashMap<>();

        /** Fraction of a token's lifetime (above 0, below 1) left when a new token is asked for. */
        private double refreshWindow = OAuthBearerTokenCache.DEFAULT_REFRESH_WINDOW;

        public Map<String, String> getExtensions() {
            return extensions;
        }

        public void setExtensions(Map<String, String> extensions) {
            this.extensions = extensions;
        }

        public double getRefreshWindow() {
            return refreshWindow;
        }

        public void setRefreshWindow(double refreshWindow) {
            this.refreshWindow = refreshWindow;
        }
    }

    /**
     * Properties under {@code kafkaex.sasl.aws}: AWS_MSK_IAM; credentials from the application's
     * {@code AwsCredentialsProvider} bean, else the AWS SDK's default chain ({@code software.amazon.awssdk:auth}).
     */
    public static class Aws {

        /** AWS region of the MSK cluster, e.g. us-east-1. */
        private String region;

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }
    }
}
