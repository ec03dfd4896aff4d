package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.client.Acks;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.producer.partitioner.DefaultPartitioner;
import io.kafkaex.protocol.record.compression.CompressionType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProducerOptionsTest {

    private static final KafkaExClientOptions CLIENT = KafkaExClientOptions.builder().bootstrapServers("localhost:9092").build();

    @Test
    void defaultsAreKafka4sProducerDefaults() {
        ProducerOptions options = ProducerOptions.builder(CLIENT).build();

        assertThat(options.acks()).isEqualTo(Acks.ALL);
        assertThat(options.batchSize()).isEqualTo(16_384);
        assertThat(options.linger()).isEqualTo(Duration.ofMillis(5));
        assertThat(options.bufferMemory()).isEqualTo(32L * 1024 * 1024);
        assertThat(options.maxBlock()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.deliveryTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.maxInFlight()).isEqualTo(5);
        assertThat(options.maxRequestSize()).isEqualTo(1_048_576);
        assertThat(options.partitioner()).isInstanceOf(DefaultPartitioner.class);
    }

    @Test
    void everyInvalidOptionIsNamedAtOnce() {
        assertThatThrownBy(() -> ProducerOptions.builder(CLIENT).batchSize(0).maxInFlight(0).linger(Duration.ofMillis(-1))
                .deliveryTimeout(Duration.ofSeconds(1)).acks(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acks is required")
                .hasMessageContaining("batchSize must be at least 1")
                .hasMessageContaining("maxInFlight must be at least 1")
                .hasMessageContaining("linger must be zero or more")
                .hasMessageContaining("deliveryTimeout must be at least");
    }

    @Test
    void theBufferMustHoldAtLeastOneBatch() {
        assertThatThrownBy(() -> ProducerOptions.builder(CLIENT).bufferMemory(10_000).build())
                .hasMessageContaining("bufferMemory must hold at least one batch (batchSize 16384), was 10000");
    }

    @Test
    void idempotenceIsOnWithAcksAllUnlessSwitchedOffAndRefusedWithFewerAcks() {
        assertThat(ProducerOptions.builder(CLIENT).build().idempotence()).isTrue();
        assertThat(ProducerOptions.builder(CLIENT).acks(Acks.LEADER).build().idempotence()).isFalse();
        assertThat(ProducerOptions.builder(CLIENT).idempotence(false).build().idempotence()).isFalse();
        assertThatThrownBy(() -> ProducerOptions.builder(CLIENT).acks(Acks.LEADER).idempotence(true).build())
                .hasMessageContaining("idempotence needs acks ALL, was LEADER");
    }

    @Test
    void aCompressionLevelIsCheckedAgainstTheCodecsRange() {
        assertThat(ProducerOptions.builder(CLIENT).compression(CompressionType.GZIP).compressionLevel(9).build().codec().type())
                .isEqualTo(CompressionType.GZIP);
        assertThatThrownBy(() -> ProducerOptions.builder(CLIENT).compression(CompressionType.GZIP).compressionLevel(12).build())
                .hasMessageContaining("compression GZIP level 12").hasMessageContaining("between 1 and 9");
        assertThatThrownBy(() -> ProducerOptions.builder(CLIENT).compression(CompressionType.SNAPPY).compressionLevel(1).build())
                .hasMessageContaining("has no compression level");
    }

    @Test
    void theDeliveryTimeoutMustCoverLingerAndTheRequestTimeout() {
        assertThatThrownBy(() -> ProducerOptions.builder(CLIENT).deliveryTimeout(Duration.ofSeconds(20)).build())
                .hasMessageContaining("deliveryTimeout must be at least linger + requestTimeout");
    }

    @Test
    void aTransactionalProducerIsIdempotentWithAcksAllAndADefaultTimeoutOfAMinute() {
        ProducerOptions options = ProducerOptions.builder(CLIENT).transactionalId("tx-1").build();

        assertThat(options.transactional()).isTrue();
        assertThat(options.transactionalId()).isEqualTo("tx-1");
        assertThat(options.idempotence()).isTrue();
        assertThat(options.transactionTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(ProducerOptions.builder(CLIENT).build().transactional()).isFalse();
    }

    @Test
    void transactionalOptionsThatCannotWorkAreNamedAtOnce() {
        assertThatThrownBy(() -> ProducerOptions.builder(CLIENT).transactionalId(" ").idempotence(false).acks(Acks.LEADER)
                .transactionTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transactionalId must not be blank")
                .hasMessageContaining("a transactional producer is idempotent")
                .hasMessageContaining("needs acks ALL, was LEADER")
                .hasMessageContaining("transactionTimeout must be positive");
    }
}
