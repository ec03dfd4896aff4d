package io.kafkaex.benchmarks;

import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.protocol.record.RecordBatch;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.RecordBatchReader;
import io.kafkaex.protocol.record.compression.CompressionCodec;
import io.kafkaex.protocol.record.compression.CompressionCodecs;
import io.kafkaex.protocol.record.compression.CompressionType;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.TimestampType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encoding and decoding one RecordBatch v2 of 1,000 records with 100-byte values, KafkaEx against
 * kafka-clients' {@code MemoryRecordsBuilder} and {@code MemoryRecords}, in the same run. Scores are
 * records per second (one operation = one record); run with {@code -prof gc} for bytes allocated per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordBatchBenchmark {

    static final int RECORDS = 1_000;
    private static final int MAX_DECOMPRESSED = 16 * 1024 * 1024;
    private static final long BASE_TIMESTAMP = 1_700_000_000_000L;

    @Param({"none", "lz4", "zstd"})
    public String compression;

    private byte[][] keys;
    private byte[][] values;
    private CompressionCodec ourCodec;
    private Compression kafkaCompression;
    private ByteBuffer ourOutput;
    private ByteBuffer kafkaOutput;
    private ByteBuffer encodedByUs;
    private ByteBuffer encodedByKafka;

    @Setup(Level.Trial)
    public void setUp() {
        keys = RecordPayloads.keys(RECORDS);
        values = RecordPayloads.values(RECORDS);
        CompressionType type = CompressionType.forName(compression);
        ourCodec = CompressionCodecs.forType(type);
        kafkaCompression = Compression.of(compression).build();
        ourOutput = ByteBuffer.allocate(256 * 1024);
        kafkaOutput = ByteBuffer.allocate(256 * 1024);
        encodedByUs = copy(encodeKafkaEx());
        encodedByKafka = copy(encodeKafkaClients());
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public ByteBuffer encodeKafkaEx() {
        ourOutput.clear();
        RecordBatchBuilder builder = new RecordBatchBuilder(ourOutput).compression(ourCodec);
        for (int i = 0; i < RECORDS; i++) {
            builder.append(BASE_TIMESTAMP + i, keys[i], values[i], (Header[]) null);
        }
        return builder.build();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public ByteBuffer encodeKafkaClients() {
        kafkaOutput.clear();
        MemoryRecordsBuilder builder = MemoryRecords.builder(kafkaOutput, kafkaCompression, TimestampType.CREATE_TIME, 0L);
        for (int i = 0; i < RECORDS; i++) {
            builder.append(BASE_TIMESTAMP + i, keys[i], values[i]);
        }
        return builder.build().buffer();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void decodeKafkaEx(Blackhole blackhole) {
        RecordBatchReader reader = new RecordBatchReader(encodedByUs.duplicate(), MAX_DECOMPRESSED);
        while (reader.hasNext()) {
            RecordBatch batch = reader.next();
            for (Record record : batch) {
                blackhole.consume(record.offset());
                blackhole.consume(record.key());
                blackhole.consume(record.value());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void decodeKafkaClients(Blackhole blackhole) {
        for (org.apache.kafka.common.record.internal.RecordBatch batch : MemoryRecords.readableRecords(encodedByKafka.duplicate()).batches()) {
            for (org.apache.kafka.common.record.internal.Record record : batch) {
                blackhole.consume(record.offset());
                blackhole.consume(record.key());
                blackhole.consume(record.value());
            }
        }
    }

    private static ByteBuffer copy(ByteBuffer buffer) {
        ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
        copy.put(buffer.duplicate()).flip();
        return copy;
    }
}
