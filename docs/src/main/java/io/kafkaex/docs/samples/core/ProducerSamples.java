package io.kafkaex.docs.samples.core;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;

import java.util.Map;

/** The producer guide's samples. */
final class ProducerSamples {

    private ProducerSamples() {
    }

    static void send(byte[] key, byte[] value) {
        // tag::send[]
        KafkaExClientOptions connection = KafkaExClientOptions.builder().bootstrapServers("kafka-1:9092").build();
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(connection).build())) {
            producer.send(ProducerRecord.of("orders", key, value))
                    .whenComplete((metadata, failure) -> { /* runs on the client's callback executor */ });
        }
        // end::send[]
    }

    static void transaction(KafkaExClientOptions client, byte[] key, byte[] value, long nextOffset) {
        // tag::transaction[]
        KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client)
                .transactionalId("orders-enricher-1").build());
        producer.initTransactions();                 // once: fences older producers with the same id
        producer.beginTransaction();
        producer.send(ProducerRecord.of("enriched", key, value));
        producer.sendOffsetsToTransaction(Map.of(new TopicPartition("orders", 0), nextOffset), "enricher-group");
        producer.commitTransaction();                // or abortTransaction()
        // end::transaction[]
        producer.close();
    }
}
