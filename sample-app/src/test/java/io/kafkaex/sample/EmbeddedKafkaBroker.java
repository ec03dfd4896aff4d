package io.kafkaex.sample;

import io.kafkaex.test.KafkaTestCluster;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a harness broker before any bean binds {@code kafkaex.*} properties, and points
 * {@code kafkaex.bootstrap-servers} at it, unless that property is already set (then the configured
 * cluster is used and nothing starts). The broker stops with the application context.
 *
 * <p>Called by Spring on the thread that refreshes and closes the context.
 */
public class EmbeddedKafkaBroker implements BeanFactoryPostProcessor, DisposableBean {

    static final String BOOTSTRAP_SERVERS = "kafkaex.bootstrap-servers";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final ConfigurableEnvironment environment;
    private KafkaTestCluster cluster;

    EmbeddedKafkaBroker(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String configured = environment.getProperty(BOOTSTRAP_SERVERS);
        if (configured != null && !configured.isBlank()) {
            log.info("Using the configured Kafka cluster at {}; no embedded broker started", configured);
            return;
        }
        cluster = KafkaTestCluster.builder().start();
        log.info("Started an embedded Apache Kafka {} broker at {}", cluster.version(), cluster.bootstrapServers());
        environment.getPropertySources().addFirst(new MapPropertySource("kafkaex-embedded-broker",
                Map.of(BOOTSTRAP_SERVERS, cluster.bootstrapServers())));
    }

    /** The broker this started, or {@code null} when a cluster was configured. */
    KafkaTestCluster cluster() {
        return cluster;
    }

    @Override
    public void destroy() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
