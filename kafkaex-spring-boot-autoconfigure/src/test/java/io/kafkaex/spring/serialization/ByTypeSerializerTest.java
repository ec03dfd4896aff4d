package io.kafkaex.spring.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ByTypeSerializerTest {

    record Order(String id, int quantity) {
    }

    private final ByTypeSerializer withJson = new ByTypeSerializer(new JsonSerializer<>(JsonMapper.builder().build()));
    private final ByTypeSerializer withoutJson = new ByTypeSerializer(null);

    @Test
    void stringsAreUtf8() {
        assertThat(withoutJson.serialize("t", new RecordHeaders(), "grüß")).isEqualTo("grüß".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bytesPassThroughUnchanged() {
        byte[] bytes = {1, 2, 3};
        assertThat(withoutJson.serialize("t", new RecordHeaders(), bytes)).isSameAs(bytes);
    }

    @Test
    void longsAndIntegersAreBigEndian() {
        assertThat(withoutJson.serialize("t", new RecordHeaders(), 0x0102030405060708L))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(withoutJson.serialize("t", new RecordHeaders(), 0x01020304)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void nullStaysNullWithoutHeaders() {
        RecordHeaders headers = new RecordHeaders();
        assertThat(withJson.serialize("t", headers, null)).isNull();
        assertThat(headers.asList()).isEmpty();
    }

    @Test
    void otherTypesAreJsonWithTheTypeHeader() {
        RecordHeaders headers = new RecordHeaders();

        byte[] json = withJson.serialize("t", headers, new Order("o-1", 2));

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"o-1\",\"quantity\":2}");
        assertThat(headers.lastString(JsonSerializer.TYPE_ID_HEADER)).isEqualTo(Order.class.getName());
    }

    @Test
    void otherTypesWithoutAMapperFailNamingTheTypeAndTheFix() {
        assertThatThrownBy(() -> withoutJson.serialize("orders", new RecordHeaders(), new Order("o-1", 2)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(Order.class.getName())
                .hasMessageContaining("orders")
                .hasMessageContaining("JsonMapper bean")
                .hasMessageContaining("kafkaex.producer.value-serializer");
    }
}
