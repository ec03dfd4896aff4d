package io.kafkaex.docs.samples.listeners;

import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.annotation.PartitionOffset;
import io.kafkaex.spring.annotation.TopicPartition;
import io.kafkaex.spring.listener.Acknowledgment;
import io.kafkaex.spring.listener.ConsumedRecord;
import io.kafkaex.spring.support.KafkaExHeaders;

import java.util.List;
import java.util.Locale;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;

/** {@code @KafkaExListener} methods: attributes, parameters, commit modes and replies. */
@Component
class ListenerSamples {

    private final Ledger ledger;

    ListenerSamples(Ledger ledger) {
        this.ledger = ledger;
    }

    // tag::topic-partitions[]
    @KafkaExListener(id = "replay", groupId = "replayer",
            topicPartitions = @TopicPartition(topic = "orders", partitions = {"1", "2"},
                    partitionOffsets = @PartitionOffset(partition = "0", initialOffset = "0")))
    void replay(String value) {
        // partitions 1 and 2 from the group's committed offsets, partition 0 from offset 0
    }
    // end::topic-partitions[]

    // tag::listener-properties[]
    @KafkaExListener(topics = "audit", properties = {"auto-offset-reset=earliest", "commit-interval=10s"})
    // end::listener-properties[]
    void audit(String entry) {
        // an audit trail read from the start, committed every 10 s
    }

    // tag::placeholders[]
    @KafkaExListener(id = "${app.listener-id}", topics = "#{'${app.topics}'.split(',')}",
            groupId = "${spring.application.name}-audit", concurrency = "${app.audit-concurrency:2}")
    // end::placeholders[]
    void configured(String value) {
        // topics, group and concurrency from the application's properties
    }

    // tag::batch-listener[]
    @KafkaExListener(topics = "clicks", batch = "true", commitMode = "batch")
    void clicks(List<Click> clicks, @Header(KafkaExHeaders.OFFSET) List<Long> offsets) {
        // one call per fetched batch of a partition; clicks.get(i) is at offsets.get(i)
    }
    // end::batch-listener[]

    // tag::manual-commit[]
    @KafkaExListener(topics = "payments", commitMode = "manual")
    void payment(ConsumedRecord<String, Payment> record, Acknowledgment acknowledgment) {
        if (ledger.book(record.value())) {
            acknowledgment.acknowledge();
        }
    }
    // end::manual-commit[]

    // tag::send-to[]
    @KafkaExListener(topics = "requests")
    @SendTo("replies")
    String handle(String request) {
        return request.toUpperCase(Locale.ROOT);
    }
    // end::send-to[]
}
