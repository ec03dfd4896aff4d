package io.kafkaex.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.RecordBatchReader;
import io.kafkaex.spring.listener.ErrorDecision;
import io.kafkaex.spring.listener.FailedDelivery;
import io.kafkaex.spring.serialization.SerializationException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerFailureMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ListenerFailureMeters meters = new ListenerFailureMeters(registry);

    @Test
    void failuresAreCountedPerRecordByListenerKindExceptionAndDecision() {
        FailedDelivery processing = delivery(new IllegalStateException("down"), false, 2);
        FailedDelivery unreadable = delivery(new SerializationException("not json"), true, 1);

        meters.onFailure(processing, ErrorDecision.retryAfter(Duration.ofSeconds(1)));
        meters.onFailure(processing, ErrorDecision.recovered());
        meters.onFailure(unreadable, ErrorDecision.recovered());

        assertThat(registry.get("kafkaex.listener.failures").tags("listener", "orders-listener", "group", "billing",
                "topic", "orders", "exception", "IllegalStateException", "kind", "processing", "decision", "retry")
                .counter().count()).as("both records of the failed batch").isEqualTo(2);
        assertThat(registry.get("kafkaex.listener.failures").tags("kind", "processing", "decision", "recovered")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("kafkaex.listener.failures").tags("kind", "deserialization", "exception",
                "SerializationException").counter().count()).isEqualTo(1);
    }

    private static FailedDelivery delivery(Throwable error, boolean deserialization, int records) {
        List<Record> batch = new ArrayList<>();
        for (int offset = 0; offset < records; offset++) {
            RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(1_024)).baseOffset(offset);
            builder.append(1_000, (byte[]) null, new byte[] {1}, new Header[0]);
            batch.add(new RecordBatchReader(builder.build(), 1 << 20).next().iterator().next());
        }
        return new FailedDelivery("orders-listener", "billing", new TopicPartition("orders", 0), batch, error, 1,
                deserialization);
    }
}
