package io.kafkaex.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of KafkaEx under the {@code kafkaex} prefix of {@code application.yml}.
 *
 * <p>Bound once at start-up on the thread that refreshes the application context; read-only afterwards.
 */
@ConfigurationProperties("kafkaex")
public class KafkaExProperties {

    /** Default bootstrap server, as in Spring Boot's Kafka support. */
    public static final String DEFAULT_BOOTSTRAP_SERVER = "localhost:9092";

    /**
     * Comma-separated list of host:port pairs used to establish the initial connection to the Kafka
     * cluster.
     */
    private List<String> bootstrapServers = new ArrayList<>(List.of(DEFAULT_BOOTSTRAP_SERVER));

    public List<String> getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(List<String> bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }
}
