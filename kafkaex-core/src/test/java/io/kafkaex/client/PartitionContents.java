package io.kafkaex.client;

import static org.assertj.core.api.Assertions.fail;

import io.kafkaex.protocol.record.Record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a whole partition back with {@link KafkaExClient#fetchSync}, for tests that check what was written. */
final class PartitionContents {

    private static final FetchOptions SHORT_WAIT = FetchOptions.defaults().withMaxWait(Duration.ofMillis(200));
    private static final int MAX_FETCHES = 10_000;

    private PartitionContents() {
    }

    /** Every record's value as UTF-8 text, by offset, from offset 0 up to the high watermark. */
    static Map<Long, String> valuesByOffset(KafkaExClient client, String topic, int partition) {
        Map<Long, String> values = new LinkedHashMap<>();
        records(client, topic, partition).forEach(record -> values.put(record.offset(), text(record.value())));
        return values;
    }

    /** Every record from offset 0 up to the high watermark the fetches report. */
    static List<Record> records(KafkaExClient client, String topic, int partition) {
        List<Record> read = new ArrayList<>();
        long next = 0;
        for (int fetches = 0; fetches < MAX_FETCHES; fetches++) {
            FetchResult result = client.fetchSync(topic, partition, next, SHORT_WAIT);
            read.addAll(result.records());
            next = result.nextOffset(next);
            if (next >= result.highWatermark()) {
                return read;
            }
        }
        return fail("%s-%d not read to its end in %d fetches", topic, partition, MAX_FETCHES);
    }

    static String text(ByteBuffer buffer) {
        return buffer == null ? null : StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
