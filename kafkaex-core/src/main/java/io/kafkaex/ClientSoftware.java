package io.kafkaex;

/**
 * How KafkaEx names itself to brokers: in ApiVersions v3+ (client software name and version, which must match
 * the broker's pattern {@code [a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?}) and in the user agent of an
 * AWS_MSK_IAM authentication. Constants only.
 */
public final class ClientSoftware {

    /** The software name; kafka_ex's "kafka_ex" did not match the broker's pattern. */
    public static final String NAME = "kafkaex-java";
    public static final String VERSION = "0.1.0";

    private ClientSoftware() {
    }
}
