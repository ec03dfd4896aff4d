package io.kafkaex.spring.listener;

import io.kafkaex.protocol.record.Record;

import java.nio.ByteBuffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers failed records by logging them at ERROR (listener, topic, partition, offset, key and value size, the
 * exception) and nothing else: the container then commits past them, so <em>they are skipped</em>. KafkaEx uses it
 * only when the application opts in with {@code kafkaex.listener.error-handler.dead-letter.enabled=false}.
 *
 * <p>Stateless and thread-safe.
 */
public class LoggingRecoverer implements RecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(LoggingRecoverer.class);

    @Override
    public void recover(FailedDelivery delivery) {
        for (Record record : delivery.records()) {
            log.error("Skipping record {} offset {} (key {}, value {}) after listener '{}' (group '{}') failed on it"
                    + " {} time(s); dead-lettering is disabled (kafkaex.listener.error-handler.dead-letter.enabled=false)",
                    delivery.partition(), record.offset(), size(record.key()), size(record.value()),
                    delivery.listenerId(), delivery.groupId(), delivery.attempt(), delivery.error());
        }
    }

    private static String size(ByteBuffer bytes) {
        return bytes == null ? "null" : bytes.remaining() + " bytes";
    }
}
