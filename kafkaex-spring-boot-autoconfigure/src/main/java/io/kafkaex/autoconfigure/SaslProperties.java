package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.sasl}: SASL authentication (PLAIN, SCRAM, OAUTHBEARER, AWS_MSK_IAM). Part of {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class SaslProperties {
}
