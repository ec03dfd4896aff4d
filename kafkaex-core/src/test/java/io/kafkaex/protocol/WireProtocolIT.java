package io.kafkaex.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.ApiVersionsRequest;
import io.kafkaex.protocol.message.ApiVersionsResponse;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Our codecs against a real broker over a plain socket: every ApiVersions and Metadata version that both
 * KafkaEx and the broker support is encoded by us, accepted by the broker, and its response parsed.
 * Runs on both broker lines.
 */
@KafkaExBroker
class WireProtocolIT {

    private static final String TOPIC = "wire-protocol-it";

    @Test
    void everyCommonApiVersionsVersionIsUnderstood(KafkaTestCluster cluster) throws IOException {
        try (Connection connection = new Connection(cluster)) {
            Map<Short, ApiVersionsResponse.ApiVersion> broker = connection.brokerApis();
            short highest = (short) Math.min(ApiKey.API_VERSIONS.highestVersion(), broker.get(ApiKey.API_VERSIONS.id()).maxVersion());
            for (short version = 0; version <= highest; version++) {
                ApiVersionsRequest request = new ApiVersionsRequest();
                if (version >= 3) {
                    request.setClientSoftwareName("kafkaex-java").setClientSoftwareVersion("0.1.0");
                }
                short v = version;
                ApiVersionsResponse response = connection.send(ApiKey.API_VERSIONS, version, request,
                        reader -> ApiVersionsResponse.read(reader, v));
                assertThat(response.errorCode()).as("v%d", version).isZero();
                assertThat(response.apiKeys()).extracting(ApiVersionsResponse.ApiVersion::apiKey)
                        .contains(ApiKey.PRODUCE.id(), ApiKey.FETCH.id(), ApiKey.METADATA.id());
            }
        }
    }

    @Test
    void everyCommonMetadataVersionDescribesTheTopicAndBroker(KafkaTestCluster cluster) throws IOException {
        cluster.createTopic(TOPIC, 3, 1);
        int port = Integer.parseInt(cluster.bootstrapServers().split(":")[1]);
        try (Connection connection = new Connection(cluster)) {
            short brokerMax = connection.brokerApis().get(ApiKey.METADATA.id()).maxVersion();
            short highest = (short) Math.min(ApiKey.METADATA.highestStableVersion(), brokerMax);
            for (short version = ApiKey.METADATA.lowestVersion(); version <= highest; version++) {
                MetadataRequest request = new MetadataRequest().setTopics(List.of(
                        new MetadataRequest.MetadataRequestTopic().setName(TOPIC)));
                short v = version;
                MetadataResponse response = connection.send(ApiKey.METADATA, version, request,
                        reader -> MetadataResponse.read(reader, v));

                assertThat(response.brokers()).as("v%d brokers", version)
                        .anySatisfy(b -> assertThat(b.port()).isEqualTo(port));
                MetadataResponse.MetadataResponseTopic topic = response.topics().get(0);
                assertThat(KafkaError.forCode(topic.errorCode())).as("v%d topic error", version).isEqualTo(KafkaError.NONE);
                assertThat(topic.name()).isEqualTo(TOPIC);
                assertThat(topic.partitions()).as("v%d partitions", version).hasSize(3)
                        .allSatisfy(p -> assertThat(p.leaderId()).isEqualTo(1));
            }
        }
    }

    /** A blocking socket speaking our frames; test support only. */
    private static final class Connection implements AutoCloseable {

        private final Socket socket = new Socket();
        private final DataInputStream in;
        private final OutputStream out;
        private int correlationId;

        Connection(KafkaTestCluster cluster) throws IOException {
            String[] address = cluster.bootstrapServers().split(",")[0].split(":");
            socket.connect(new InetSocketAddress(address[0], Integer.parseInt(address[1])), 10_000);
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        Map<Short, ApiVersionsResponse.ApiVersion> brokerApis() throws IOException {
            ApiVersionsResponse response = send(ApiKey.API_VERSIONS, (short) 0, new ApiVersionsRequest(),
                    reader -> ApiVersionsResponse.read(reader, (short) 0));
            return response.apiKeys().stream().collect(java.util.stream.Collectors.toMap(
                    ApiVersionsResponse.ApiVersion::apiKey, Function.identity()));
        }

        <T> T send(ApiKey api, short version, ProtocolMessage body, Function<ProtocolReader, T> parse) throws IOException {
            int id = ++correlationId;
            ByteBuffer frame = RequestFrames.request(api, version, id, "kafkaex-it", body);
            out.write(frame.array(), frame.arrayOffset(), frame.remaining());
            out.flush();
            byte[] response = new byte[RequestFrames.frameSize(in.readInt(), RequestFrames.DEFAULT_MAX_FRAME_BYTES)];
            in.readFully(response);
            ProtocolReader reader = RequestFrames.response(api, version, id, ByteBuffer.wrap(response));
            T parsed = parse.apply(reader);
            assertThat(reader.remaining()).as("%s v%d bytes left unread", api.apiName(), version).isZero();
            return parsed;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
