package io.kafkaex.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolMessage;

import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.protocol.Readable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte-level oracle: what we encode, Kafka's own generated message classes (kafka-clients, test scope)
 * parse completely and re-encode to the very same bytes, at every version of every message; and we read
 * Kafka's bytes back to the message we started from.
 */
class KafkaMessageOracleTest {

    static Stream<Arguments> everyMessageAtEveryVersion() {
        return MessageVersions.all();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("everyMessageAtEveryVersion")
    void kafkaReadsOurBytesAndWritesTheSameBytes(GeneratedMessages.Entry entry, short version) throws Exception {
        Constructor<?> kafkaReader = kafkaClass(entry.name()).getConstructor(Readable.class, short.class);
        for (int seed = 0; seed < 10; seed++) {
            ProtocolMessage ours = entry.random().apply(new Random(seed * 7_919L + version), version);
            ByteBuffer ourBytes = MessageVersions.encode(ours, version);

            ByteBufferAccessor input = new ByteBufferAccessor(ourBytes.duplicate());
            Message kafka = (Message) kafkaReader.newInstance(input, version);
            assertThat(input.remaining()).as("bytes Kafka left unread, seed %d", seed).isZero();

            ObjectSerializationCache cache = new ObjectSerializationCache();
            ByteBuffer kafkaBytes = ByteBuffer.allocate(kafka.size(cache, version));
            kafka.write(new ByteBufferAccessor(kafkaBytes), cache, version);
            kafkaBytes.flip();

            assertThat(kafkaBytes).as("Kafka's re-encoding, seed %d", seed).isEqualTo(ourBytes);
            assertThat(MessageVersions.decode(entry, kafkaBytes, version)).isEqualTo(ours);
        }
    }

    static Stream<GeneratedMessages.Entry> everyMessage() {
        return GeneratedMessages.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMessage")
    void apiKeysAndVersionRangesMatchKafka(GeneratedMessages.Entry entry) throws Exception {
        Object kafka = kafkaClass(entry.name()).getConstructor().newInstance();
        if (kafka instanceof ApiMessage api && api.apiKey() >= 0) {
            ApiKey ours = ApiKey.forId(api.apiKey()).orElseThrow();
            assertThat(entry.name()).startsWith(ours.apiName());
            assertThat(ours.lowestVersion()).isEqualTo(entry.lowestVersion());
            assertThat(ours.highestVersion()).isEqualTo(entry.highestVersion());
        }
        Message message = (Message) kafka;
        assertThat(message.lowestSupportedVersion()).isEqualTo(entry.lowestVersion());
        assertThat(message.highestSupportedVersion()).isEqualTo(entry.highestVersion());
    }

    /** Kafka names request, response and header classes {@code <Name>Data}, and data messages {@code <Name>}. */
    private static Class<?> kafkaClass(String name) throws ClassNotFoundException {
        try {
            return Class.forName("org.apache.kafka.common.message." + name + "Data");
        } catch (ClassNotFoundException e) {
            return Class.forName("org.apache.kafka.common.message." + name);
        }
    }
}
