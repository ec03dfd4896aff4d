package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.RecordBatch;
import io.kafkaex.protocol.record.RecordBatchReader;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.compression.CompressionType;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stamping and losing the idempotent producer's identity; asking a broker for one is covered by the producer ITs. */
class ProducerIdentityTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);
    private static final ProducerIdentity.IdAndEpoch FIRST = new ProducerIdentity.IdAndEpoch(1000, (short) 0);
    private static final ProducerIdentity.IdAndEpoch SECOND = new ProducerIdentity.IdAndEpoch(1001, (short) 0);

    private final ProducerIdentity identity = new ProducerIdentity(null, Duration.ofSeconds(30));

    @Test
    void eachPartitionsBatchesAreNumberedOnFromZero() {
        identity.adopt(FIRST);

        RecordBatch a = stampAndRead(batch(P0, 3));
        RecordBatch b = stampAndRead(batch(P0, 2));
        RecordBatch other = stampAndRead(batch(P1, 5));

        assertThat(a.producerId()).isEqualTo(1000);
        assertThat(a.baseSequence()).isZero();
        assertThat(b.baseSequence()).isEqualTo(3);
        assertThat(other.baseSequence()).isZero();
    }

    @Test
    void aLostIdentityMovesToTheNextEpochOnceAndABatchSentAgainIsRestampedUnderItFromZero() {
        identity.adopt(FIRST);
        ProducerBatch sent = batch(P0, 4);
        identity.stamp(sent);
        sent.close();
        identity.stamp(batch(P0, 1));

        identity.reset(sent.identity());
        ProducerIdentity.IdAndEpoch bumped = new ProducerIdentity.IdAndEpoch(1000, (short) 1);
        assertThat(identity.current()).isEqualTo(bumped);
        identity.reset(FIRST); // a late answer about the old epoch changes nothing
        assertThat(identity.current()).isEqualTo(bumped);
        sent.loseIdentity();
        assertThat(sent.needsStamp()).isTrue();
        identity.stamp(sent);

        RecordBatch resent = new RecordBatchReader(sent.close(), 1 << 20).next();
        assertThat(resent.producerId()).isEqualTo(1000);
        assertThat(resent.producerEpoch()).isEqualTo((short) 1);
        assertThat(resent.baseSequence()).isZero();
        assertThat(sent.needsStamp()).isFalse();
    }

    @Test
    void atTheHighestEpochANewProducerIdIsNeeded() {
        ProducerIdentity.IdAndEpoch last = new ProducerIdentity.IdAndEpoch(1000, Short.MAX_VALUE);
        identity.adopt(last);

        identity.reset(last);

        assertThat(identity.isReady()).isFalse();
        identity.adopt(SECOND);
        assertThat(stampAndRead(batch(P0, 1)).producerId()).isEqualTo(1001);
    }

    @Test
    void onlyTheBatchTheBrokerExpectsNextCanShowThatTheBrokerLostTheProducer() {
        identity.adopt(FIRST);
        ProducerBatch first = batch(P0, 2);
        ProducerBatch second = batch(P0, 3);
        identity.stamp(first);
        identity.stamp(second);

        assertThat(identity.isNextExpected(first)).isTrue();
        assertThat(identity.isNextExpected(second)).isFalse(); // out of order only because the first is not in
        identity.acknowledged(first);
        assertThat(identity.isNextExpected(second)).isTrue();
    }

    private RecordBatch stampAndRead(ProducerBatch batch) {
        identity.stamp(batch);
        ByteBuffer built = batch.close();
        return new RecordBatchReader(built, 1 << 20).next();
    }

    private static ProducerBatch batch(TopicPartition partition, int records) {
        ProducerBatch batch = new ProducerBatch(partition, ByteBuffer.allocate(1024), 1024, 1024, CompressionType.NONE.codec(),
                System.nanoTime(), TimeUnit.MINUTES.toNanos(2));
        for (int i = 0; i < records; i++) {
            batch.tryAppend(1L, null, new byte[] {(byte) i}, null, RecordBatchBuilder.maxRecordSize(-1, 1, null));
        }
        return batch;
    }
}
