package io.kafkaex.spring.core;

import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.Record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Reads back what the ITs sent, with kafka_ex's fetch. */
final class BrokerRecords {

    private BrokerRecords() {
    }

    static List<Record> fetch(KafkaExClient client, String topic, int partition, boolean readCommitted) {
        return client.fetchSync(topic, partition, 0, FetchOptions.defaults().withMaxWait(Duration.ofMillis(200))
                .withReadCommitted(readCommitted)).records();
    }

    static Record only(KafkaExClient client, String topic, int partition) {
        List<Record> records = fetch(client, topic, partition, false);
        if (records.size() != 1) {
            throw new AssertionError("Expected one record in " + topic + "-" + partition + " but found " + records);
        }
        return records.get(0);
    }

    static String text(ByteBuffer bytes) {
        return bytes == null ? null : StandardCharsets.UTF_8.decode(bytes).toString();
    }

    static String header(Record record, String key) {
        return record.headers().stream().filter(header -> header.key().equals(key)).reduce((first, second) -> second)
                .map(Header::value).map(BrokerRecords::text).orElse(null);
    }
}
