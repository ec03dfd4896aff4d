package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.ClientSoftware;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.error.KafkaNotLeaderException;
import io.kafkaex.protocol.message.ApiVersionsResponse;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.RequestEvent;
import io.kafkaex.telemetry.Telemetry;
import io.kafkaex.telemetry.TelemetryEvent;

import java.io.EOFException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Version negotiation, frame reassembly and the in-flight queue, without sockets. */
class NetworkPartsTest {

    @Test
    void negotiationPicksTheHighestCommonVersionAndExplainsWhenThereIsNone() {
        BrokerApiVersions broker = BrokerApiVersions.from(new ApiVersionsResponse().setApiKeys(List.of(
                api(ApiKey.METADATA, 0, 9), api(ApiKey.PRODUCE, 99, 120))));

        assertThat(broker.negotiate(ApiKey.METADATA)).isEqualTo((short) 9);
        assertThatThrownBy(() -> broker.negotiate(ApiKey.PRODUCE)).isInstanceOf(NoCommonVersionException.class)
                .hasMessageContaining("Produce").hasMessageContaining("99..120")
                .hasMessageContaining(ApiKey.PRODUCE.lowestVersion() + ".." + ApiKey.PRODUCE.highestStableVersion());
        assertThatThrownBy(() -> broker.negotiate(ApiKey.FETCH)).isInstanceOf(NoCommonVersionException.class)
                .hasMessageContaining("does not offer Fetch");
    }

    @Test
    void softwareNameMatchesTheBrokersPatternUnlikeKafkaExs() {
        assertThat(BrokerApiVersions.isValidSoftwareText(ClientSoftware.NAME)).isTrue();
        assertThat(BrokerApiVersions.isValidSoftwareText(ClientSoftware.VERSION)).isTrue();
        assertThat(BrokerApiVersions.isValidSoftwareText("kafka_ex")).isFalse();
        assertThat(BrokerApiVersions.isValidSoftwareText("-x")).isFalse();
    }

    @Test
    void framesAreReassembledFromOneByteReads() throws Exception {
        FrameReader reader = new FrameReader(1024);
        TrickleChannel channel = new TrickleChannel(new byte[] {0, 0, 0, 3, 7, 8, 9, 0, 0, 0, 1, 5});
        ByteBuffer first = null;
        while (first == null) {
            first = reader.read(channel);
        }
        assertThat(first).isEqualTo(ByteBuffer.wrap(new byte[] {7, 8, 9}));
        ByteBuffer second = null;
        while (second == null) {
            second = reader.read(channel);
        }
        assertThat(second).isEqualTo(ByteBuffer.wrap(new byte[] {5}));
    }

    @Test
    void oversizedNegativeAndCutFramesAreErrors() {
        assertThatThrownBy(() -> new FrameReader(1024).read(new TrickleChannel(new byte[] {0, 0, 8, 0}, 4)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("2048");
        assertThatThrownBy(() -> new FrameReader(1024).read(new TrickleChannel(new byte[] {(byte) 0xff, 0, 0, 0}, 4)))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> {
            FrameReader reader = new FrameReader(1024);
            TrickleChannel channel = new TrickleChannel(new byte[] {0, 0, 0, 9, 1, 2}, 6);
            while (true) {
                reader.read(channel);
            }
        }).isInstanceOf(EOFException.class).hasMessageContaining("2 of 9 bytes");
    }

    @Test
    void responsesMustMatchTheOldestRequest() {
        InFlightRequests inFlight = new InFlightRequests(2);
        CompletableFuture<Short> first = new CompletableFuture<>();
        CompletableFuture<Short> second = new CompletableFuture<>();
        inFlight.add(pending(1, 100, first));
        inFlight.add(pending(2, 50, second));
        assertThat(inFlight.isFull()).isTrue();
        assertThat(inFlight.earliestDeadlineNanos()).isEqualTo(50);
        assertThat(inFlight.hasExpired(49)).isFalse();
        assertThat(inFlight.hasExpired(50)).isTrue();

        inFlight.complete(frame(1, (short) 42));
        assertThat(first).isCompletedWithValue((short) 42);

        assertThatThrownBy(() -> inFlight.complete(frame(7, (short) 1))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("correlation id 7");
        assertThat(second).as("left in flight, to fail with the connection").isNotDone();
        assertThat(inFlight.size()).isEqualTo(1);
        inFlight.failAll(new BrokerConnectionException(new InetSocketAddress("127.0.0.1", 9092), "closed", null));
        assertThat(second).isCompletedExceptionally();
        assertThatThrownBy(() -> inFlight.complete(frame(3, (short) 1))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("no request is waiting");
    }

    @Test
    void aBodyTheParserRejectsFailsThatRequestAloneAndTheStreamGoesOn() {
        InFlightRequests inFlight = new InFlightRequests(2);
        CompletableFuture<Short> rejected = new CompletableFuture<>();
        CompletableFuture<Short> next = new CompletableFuture<>();
        inFlight.add(new PendingRequest<>(1, ApiKey.METADATA, (short) 1, 100, reader -> {
            throw KafkaErrorExceptions.of(KafkaError.NOT_LEADER_OR_FOLLOWER, "orders", 0, null);
        }, rejected, null));
        inFlight.add(pending(2, 100, next));

        inFlight.complete(frame(1, (short) 0));
        inFlight.complete(frame(2, (short) 42));

        assertThat(rejected).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(KafkaNotLeaderException.class);
        assertThat(next).isCompletedWithValue((short) 42);
        assertThat(inFlight.isEmpty()).isTrue();
    }

    @Test
    void failAllFailsEveryRequest() {
        InFlightRequests inFlight = new InFlightRequests(3);
        CompletableFuture<Short> future = new CompletableFuture<>();
        inFlight.add(pending(1, 10, future));
        inFlight.failAll(new IllegalStateException("gone"));
        assertThat(future).isCompletedExceptionally();
        assertThat(inFlight.isEmpty()).isTrue();
        assertThatThrownBy(() -> new InFlightRequests(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void telemetryCountsABrokerErrorAsAnAnsweredRequestAndAnUnparsableBodyAsItsException() {
        List<TelemetryEvent> events = new ArrayList<>();
        NetworkTelemetry telemetry = new NetworkTelemetry(Telemetry.of(List.of(new KafkaExTelemetryListener() {
            @Override
            public void onEvent(TelemetryEvent event) {
                events.add(event);
            }
        })), "parts");
        InetSocketAddress broker = InetSocketAddress.createUnresolved("broker", 9092);
        InFlightRequests inFlight = new InFlightRequests(2);
        inFlight.add(new PendingRequest<>(1, ApiKey.METADATA, (short) 1, 100, reader -> {
            throw KafkaErrorExceptions.of(KafkaError.forCode(reader.readShort()), "orders", 0, null);
        }, new CompletableFuture<Short>(), telemetry.requestStarted(ApiKey.METADATA, (short) 1, 1, broker, 30)));
        inFlight.add(new PendingRequest<>(2, ApiKey.METADATA, (short) 1, 100, reader -> reader.readLong(),
                new CompletableFuture<Long>(), telemetry.requestStarted(ApiKey.METADATA, (short) 1, 2, broker, 30)));

        inFlight.complete(frame(1, KafkaError.NOT_LEADER_OR_FOLLOWER.code()));
        inFlight.complete(frame(2, (short) 7)); // two bytes where the parser wants eight

        assertThat(events).hasSize(4);
        RequestEvent.Stop answered = (RequestEvent.Stop) events.get(2);
        assertThat(answered.metadata().correlationId()).isEqualTo(1);
        assertThat(answered.outcome().isOk()).as("a response arrived; the produce/fetch span reports its code").isTrue();
        assertThat(answered.bytesReceived()).isEqualTo(4 + 6);
        RequestEvent.Thrown thrown = (RequestEvent.Thrown) events.get(3);
        assertThat(thrown.metadata().correlationId()).isEqualTo(2);
        assertThat(thrown.exception()).isNotInstanceOf(KafkaErrorException.class);
    }

    private static PendingRequest<Short> pending(int correlationId, long deadline, CompletableFuture<Short> future) {
        return new PendingRequest<>(correlationId, ApiKey.METADATA, (short) 1, deadline, reader -> reader.readShort(), future, null);
    }

    /** A Metadata v1 response frame body: header v0 (correlation id) and one int16. */
    private static ByteBuffer frame(int correlationId, short value) {
        return ByteBuffer.allocate(6).putInt(correlationId).putShort(value).flip();
    }

    private static ApiVersionsResponse.ApiVersion api(ApiKey key, int min, int max) {
        return new ApiVersionsResponse.ApiVersion().setApiKey(key.id()).setMinVersion((short) min).setMaxVersion((short) max);
    }

    /** Hands out {@code step} bytes per read, then end of stream. */
    private static final class TrickleChannel implements ReadableByteChannel {
        private final ByteBuffer data;
        private final int step;

        TrickleChannel(byte[] bytes) {
            this(bytes, 1);
        }

        TrickleChannel(byte[] bytes, int step) {
            this.data = ByteBuffer.wrap(bytes);
            this.step = step;
        }

        @Override
        public int read(ByteBuffer destination) {
            if (!data.hasRemaining()) {
                return -1;
            }
            int n = Math.min(step, Math.min(destination.remaining(), data.remaining()));
            for (int i = 0; i < n; i++) {
                destination.put(data.get());
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
