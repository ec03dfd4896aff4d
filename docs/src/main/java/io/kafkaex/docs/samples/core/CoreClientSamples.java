package io.kafkaex.docs.samples.core;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.FetchResult;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.NewTopic;
import io.kafkaex.client.ProduceOptions;
import io.kafkaex.client.ProduceRecord;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.consumer.KafkaExConsumerGroup;
import io.kafkaex.consumer.OffsetResetPolicy;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.telemetry.ConsumerLagEvent;
import io.kafkaex.telemetry.KafkaExTelemetryListener;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The core client guide's samples: {@code kafkaex-core} without Spring. */
final class CoreClientSamples {

    private static final Logger log = LoggerFactory.getLogger(CoreClientSamples.class);

    private CoreClientSamples() {
    }

    static KafkaExClientOptions options() {
        // tag::options[]
        KafkaExClientOptions options = KafkaExClientOptions.builder()
                .bootstrapServers("kafka-1:9092,kafka-2:9092")     // required
                .clientId("orders-tool")                           // default "kafka_ex"
                .requestTimeout(Duration.ofSeconds(30))
                .maxRetries(3)
                .build();
        // end::options[]
        return options;
    }

    static void client(KafkaExClientOptions options) {
        // tag::client[]
        try (KafkaExClient client = KafkaExClient.create(options)) {
            client.createTopicSync(NewTopic.of("orders").withPartitions(3).withReplicationFactor(1));

            RecordMetadata written = client.produceOneSync("orders", 0,
                    ProduceRecord.of("o-1".getBytes(UTF_8), "{\"quantity\":2}".getBytes(UTF_8)), ProduceOptions.defaults());

            FetchResult fetched = client.fetchSync("orders", 0, written.baseOffset(), FetchOptions.defaults());
            for (Record record : fetched.records()) {
                System.out.println(record.offset() + ": " + UTF_8.decode(record.value().duplicate()));
            }

            client.latestOffset("orders", 0)                       // asynchronous: a CompletableFuture
                    .thenAccept(end -> System.out.println("end of orders-0: " + end))
                    .join();
        }
        // end::client[]
    }

    static void producer(KafkaExClientOptions options) {
        // tag::producer[]
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(options)
                .compression(CompressionType.GZIP)
                .build())) {
            producer.send(ProducerRecord.of("orders", "o-1".getBytes(UTF_8), "{\"quantity\":2}".getBytes(UTF_8)))
                    .whenComplete((metadata, failure) -> { /* on the client's callback executor */ });
            producer.flush();
        }
        // end::producer[]
    }

    static void consumerGroup(KafkaExClientOptions options) {
        // tag::consumer-group[]
        KafkaExConsumerGroup member = KafkaExConsumerGroup.start(
                ConsumerGroupOptions.builder(options, "order-counter", List.of("orders"))
                        .autoOffsetReset(OffsetResetPolicy.EARLIEST)
                        .groupInstanceId("order-counter-1")              // optional: static membership
                        .build(),
                new OrderCounter());
        // ...
        member.close();   // finishes the batches being handled, commits, leaves the group, ends every thread
        // end::consumer-group[]
    }

    static KafkaExClientOptions telemetry(KafkaExClientOptions options) {
        // tag::telemetry[]
        KafkaExTelemetryListener lagLog = new KafkaExTelemetryListener() {
            @Override
            public void onConsumerLag(ConsumerLagEvent event) {
                if (event.committedLag() > 10_000) {
                    log.warn("{} {}-{} is {} records behind", event.groupId(), event.topic(), event.partition(),
                            event.committedLag());
                }
            }
        };
        KafkaExClientOptions observed = options.toBuilder().telemetryListener(lagLog).build();
        // end::telemetry[]
        return observed;
    }
}
