package io.kafkaex.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

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

    /** Client id sent with every request, for the broker's logs and quotas; the application name when unset. */
    private String clientId;

    @NestedConfigurationProperty
    private final SecurityProperties security = new SecurityProperties();

    @NestedConfigurationProperty
    private final SslProperties ssl = new SslProperties();

    @NestedConfigurationProperty
    private final SaslProperties sasl = new SaslProperties();

    @NestedConfigurationProperty
    private final ProducerProperties producer = new ProducerProperties();

    @NestedConfigurationProperty
    private final ConsumerProperties consumer = new ConsumerProperties();

    @NestedConfigurationProperty
    private final ListenerProperties listener = new ListenerProperties();

    @NestedConfigurationProperty
    private final AdminProperties admin = new AdminProperties();

    @NestedConfigurationProperty
    private final TemplateProperties template = new TemplateProperties();

    @NestedConfigurationProperty
    private final HealthProperties health = new HealthProperties();

    @NestedConfigurationProperty
    private final MetricsProperties metrics = new MetricsProperties();

    public List<String> getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(List<String> bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public SecurityProperties getSecurity() {
        return security;
    }

    public SslProperties getSsl() {
        return ssl;
    }

    public SaslProperties getSasl() {
        return sasl;
    }

    public ProducerProperties getProducer() {
        return producer;
    }

    public ConsumerProperties getConsumer() {
        return consumer;
    }

    public ListenerProperties getListener() {
        return listener;
    }

    public AdminProperties getAdmin() {
        return admin;
    }

    public TemplateProperties getTemplate() {
        return template;
    }

    public HealthProperties getHealth() {
        return health;
    }

    public MetricsProperties getMetrics() {
        return metrics;
    }
}
