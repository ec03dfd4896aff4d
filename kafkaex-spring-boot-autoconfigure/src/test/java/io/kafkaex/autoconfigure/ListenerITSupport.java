package io.kafkaex.autoconfigure;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.test.KafkaTestCluster;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the ITs of metrics, health and the endpoint with real listener containers share: a Boot context runner whose
 * listener members start at the earliest offset, notice rebalances and commit within a second, and a producer of UTF-8 text
 * records (made outside the context, so it records no meters there). Test code, any thread.
 */
public final class ListenerITSupport implements AutoCloseable {

    private final KafkaTestCluster cluster;
    private final String servers;
    private final KafkaExProducer producer;

    private ListenerITSupport(KafkaTestCluster cluster) {
        this.cluster = cluster;
        this.servers = cluster.bootstrapServers();
        this.producer = KafkaExProducer.create(ProducerOptions.builder(KafkaExClientOptions.builder()
                .bootstrapServers(servers).build()).build());
    }

    /** Support for {@code cluster}; close it after the test class. */
    public static ListenerITSupport on(KafkaTestCluster cluster) {
        return new ListenerITSupport(cluster);
    }

    /** Creates {@code topic} with {@code partitions} partitions (replication factor 1). */
    public ListenerITSupport withTopic(String topic, int partitions) {
        cluster.createTopic(topic, partitions, 1);
        return this;
    }

    /** A runner with {@link KafkaExAutoConfiguration} and {@code autoConfigurations}, clients named {@code clientId}. */
    public ApplicationContextRunner runner(String clientId, Class<?>... autoConfigurations) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withConfiguration(AutoConfigurations.of(autoConfigurations))
                .withPropertyValues("kafkaex.bootstrap-servers=" + servers, "kafkaex.client-id=" + clientId,
                        "kafkaex.consumer.auto-offset-reset=earliest", "kafkaex.consumer.heartbeat-interval=300ms",
                        "kafkaex.consumer.session-timeout=6s", "kafkaex.consumer.commit-interval=300ms");
    }

    /** Sends {@code value} to {@code partition} of {@code topic} and waits for the acknowledgement. */
    public void send(String topic, int partition, String value) {
        producer.send(ProducerRecord.of(topic, partition, null, value.getBytes(StandardCharsets.UTF_8))).join();
    }

    @Override
    public void close() {
        producer.close();
    }
}
