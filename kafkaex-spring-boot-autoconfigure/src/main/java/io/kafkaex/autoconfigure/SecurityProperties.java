package io.kafkaex.autoconfigure;

import io.kafkaex.security.SecurityProtocol;

/**
 * Properties under {@code kafkaex.security}: how connections are secured. Part of {@link KafkaExProperties}; bound
 * at start-up, read-only afterwards.
 */
public class SecurityProperties {

    /**
     * How connections to brokers are secured, as the broker listener's protocol: PLAINTEXT, SSL (TLS, see
     * kafkaex.ssl.*), SASL_PLAINTEXT or SASL_SSL (SASL authentication, see kafkaex.sasl.*).
     */
    private SecurityProtocol protocol = SecurityProtocol.PLAINTEXT;

    public SecurityProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(SecurityProtocol protocol) {
        this.protocol = protocol;
    }
}
