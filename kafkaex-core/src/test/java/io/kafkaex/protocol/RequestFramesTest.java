package io.kafkaex.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.message.ApiVersionsRequest;
import io.kafkaex.protocol.message.MetadataRequest;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RequestFramesTest {

    @Test
    void nonFlexibleRequestUsesHeaderV1() {
        ByteBuffer frame = RequestFrames.request(ApiKey.API_VERSIONS, (short) 0, 7, "c", new ApiVersionsRequest());

        // size 11 | api key 18 | version 0 | correlation 7 | client id "c"
        assertThat(hex(frame)).isEqualTo("0000000b" + "0012" + "0000" + "00000007" + "000163");
    }

    @Test
    void flexibleRequestUsesHeaderV2WithAClassicClientIdAndATagBuffer() {
        ApiVersionsRequest body = new ApiVersionsRequest().setClientSoftwareName("k").setClientSoftwareVersion("1");
        ByteBuffer frame = RequestFrames.request(ApiKey.API_VERSIONS, (short) 3, 1, null, body);

        // header: key, version 3, correlation 1, null client id (int16 -1), empty tag buffer;
        // body: compact "k", compact "1", empty tag buffer
        assertThat(hex(frame)).isEqualTo("00000010" + "0012" + "0003" + "00000001" + "ffff" + "00" + "026b" + "0231" + "00");
    }

    @Test
    void apiVersionsResponsesAlwaysHaveHeaderV0EvenWhenFlexible() {
        assertThat(ApiKey.API_VERSIONS.responseHeaderVersion((short) 3)).isZero();
        assertThat(ApiKey.METADATA.responseHeaderVersion((short) 9)).isEqualTo((short) 1);
        assertThat(ApiKey.METADATA.responseHeaderVersion((short) 8)).isZero();
        assertThat(ApiKey.METADATA.requestHeaderVersion((short) 9)).isEqualTo((short) 2);

        ProtocolReader body = RequestFrames.response(ApiKey.API_VERSIONS, (short) 3, 5, buffer("00000005" + "0000"));
        assertThat(body.readShort()).isZero();
    }

    @Test
    void flexibleResponseHeaderSkipsItsTagBuffer() {
        ProtocolReader body = RequestFrames.response(ApiKey.METADATA, (short) 12, 9, buffer("00000009" + "00" + "2a"));
        assertThat(body.readByte()).isEqualTo((byte) 42);
    }

    @Test
    void mismatchedCorrelationIdAndOversizedFramesAreProtocolErrors() {
        assertThatThrownBy(() -> RequestFrames.response(ApiKey.METADATA, (short) 1, 1, buffer("00000002")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("correlation id 2");
        assertThatThrownBy(() -> RequestFrames.frameSize(-5, 100)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> RequestFrames.frameSize(101, 100)).isInstanceOf(ProtocolException.class);
        assertThat(RequestFrames.frameSize(100, 100)).isEqualTo(100);
    }

    @Test
    void versionsOutsideTheSchemaAreRefusedBeforeEncoding() {
        assertThatThrownBy(() -> RequestFrames.request(ApiKey.METADATA, (short) 99, 1, "c", new MetadataRequest()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Metadata v99");
    }

    private static String hex(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }
}
