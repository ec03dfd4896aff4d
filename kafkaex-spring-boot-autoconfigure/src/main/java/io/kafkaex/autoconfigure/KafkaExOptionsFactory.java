package io.kafkaex.autoconfigure;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.producer.ProducerOptions;

import java.util.List;

/**
 * Turns {@code kafkaex.*} properties, the {@link KafkaExConnectionDetails} and the customizer beans into core option
 * objects: the one place where Spring configuration meets {@code kafkaex-core}. Every bean that creates a client,
 * producer or consumer-group member asks this factory for its options.
 *
 * <p>Thread-safe: it only reads configuration bound at start-up.
 */
public class KafkaExOptionsFactory {

    private final KafkaExProperties properties;
    private final KafkaExConnectionDetails connection;
    private final List<KafkaExClientOptionsCustomizer> clientCustomizers;
    private final List<KafkaExProducerOptionsCustomizer> producerCustomizers;
    private final List<KafkaExConsumerGroupOptionsCustomizer> consumerCustomizers;

    public KafkaExOptionsFactory(KafkaExProperties properties, KafkaExConnectionDetails connection,
            List<KafkaExClientOptionsCustomizer> clientCustomizers,
            List<KafkaExProducerOptionsCustomizer> producerCustomizers,
            List<KafkaExConsumerGroupOptionsCustomizer> consumerCustomizers) {
        this.properties = properties;
        this.connection = connection;
        this.clientCustomizers = List.copyOf(clientCustomizers);
        this.producerCustomizers = List.copyOf(producerCustomizers);
        this.consumerCustomizers = List.copyOf(consumerCustomizers);
    }

    /**
     * Options of a client whose id is {@code kafkaex.client-id} (or {@code defaultClientId} when unset) followed by
     * {@code suffix} when one is given (e.g. {@code -producer}, {@code -listener-orders-0}).
     */
    public KafkaExClientOptions clientOptions(String defaultClientId, String suffix) {
        String base = properties.getClientId() != null ? properties.getClientId() : defaultClientId;
        KafkaExClientOptions.Builder builder = KafkaExClientOptions.builder()
                .bootstrapServers(String.join(",", connection.getBootstrapServers()))
                .clientId(suffix == null ? base : base + suffix);
        clientCustomizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** Options of a producer with its own client ({@code <client-id>-producer}), customizers applied. */
    public ProducerOptions.Builder producerOptions(String defaultClientId) {
        ProducerOptions.Builder builder = ProducerOptions.builder(clientOptions(defaultClientId, "-producer"));
        producerCustomizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /**
     * Options of one consumer-group member of listener {@code listenerId}, with its own client
     * ({@code <client-id>-<listenerId>-<index>}); {@code kafkaex.consumer.*} and the customizers applied.
     */
    public ConsumerGroupOptions.Builder consumerGroupOptions(String defaultClientId, String listenerId, int index,
            String groupId, List<String> topics) {
        ConsumerGroupOptions.Builder builder = ConsumerGroupOptions.builder(
                clientOptions(defaultClientId, "-" + listenerId + "-" + index), groupId, topics);
        consumerCustomizers.forEach(customizer -> customizer.customize(listenerId, builder));
        return builder;
    }
}
