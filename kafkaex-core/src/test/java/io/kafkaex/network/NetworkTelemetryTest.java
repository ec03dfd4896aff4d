package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.telemetry.BrokerInfo;
import io.kafkaex.telemetry.ConnectionCloseReason;
import io.kafkaex.telemetry.ConnectionEvent;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.Telemetry;
import io.kafkaex.telemetry.TelemetryEvent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Connection telemetry without a broker: a refused connection is a failed span and an init-error close. */
class NetworkTelemetryTest {

    @Test
    void aRefusedConnectionEndsItsSpanWithTheErrorAndClosesAsInitError() throws IOException {
        List<TelemetryEvent> events = new CopyOnWriteArrayList<>();
        KafkaExTelemetryListener recorder = new KafkaExTelemetryListener() {
            @Override
            public void onEvent(TelemetryEvent event) {
                events.add(event);
            }
        };
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        try (NetworkClient client = new NetworkClient(NetworkOptions.defaults("telemetry-test"), Telemetry.of(List.of(recorder)))) {
            client.nameBrokers(Map.of("127.0.0.1:" + port, 7));
            client.send(address, TrafficClass.OTHER, new RequestSpec<>(ApiKey.METADATA, version -> new MetadataRequest(),
                    MetadataResponse::read, Duration.ofSeconds(5))).handle((result, error) -> error).join();
        }

        assertThat(events).hasSizeGreaterThanOrEqualTo(3);
        ConnectionEvent.Start start = (ConnectionEvent.Start) events.get(0);
        assertThat(start.metadata()).isEqualTo(new ConnectionEvent.Metadata(new BrokerInfo(7, "127.0.0.1", port), false));
        ConnectionEvent.Stop stop = (ConnectionEvent.Stop) events.get(1);
        assertThat(stop.outcome().isOk()).isFalse();
        assertThat(stop.outcome().error()).isInstanceOf(BrokerConnectionException.class)
                .hasMessageContaining("127.0.0.1:" + port);
        assertThat(((ConnectionEvent.Closed) events.get(2)).reason()).isEqualTo(ConnectionCloseReason.INIT_ERROR);
        assertThat(events).as("no request went on the wire").noneMatch(event -> event.name().name().startsWith("REQUEST"));
    }
}
