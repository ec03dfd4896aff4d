package io.kafkaex.spring.listener;

import io.kafkaex.protocol.record.TimestampType;
import io.kafkaex.spring.serialization.JsonSerializer;
import io.kafkaex.spring.serialization.RecordHeaders;
import io.kafkaex.spring.support.KafkaExHeaders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.handler.annotation.Header;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameter binding and conversion types of listener methods, record and batch, and the fallback backoff. */
class ListenerMethodTest {

    private final List<Object> calls = new ArrayList<>();

    @Test
    void aRecordListenerGetsPayloadHeadersRecordAndAcknowledgment() throws Exception {
        ListenerMethod method = new ListenerMethod(this, method("single"), false);
        assertThat(method.payloadType().toClass()).isEqualTo(Integer.class);
        assertThat(method.keyType().toClass()).isEqualTo(Long.class);
        Acknowledgment ack = () -> { };
        method.invoke(List.of(record(7, 42)), ack, "g");
        assertThat(calls).containsExactly(42, 7L, "t", 3, 7L, 1_000L, "LOG_APPEND_TIME", "g", "v-7", ack);
    }

    @Test
    void aBatchListenerGetsListsAndTheRecordsValueTypeComesFromConsumedRecord() throws Exception {
        ListenerMethod method = new ListenerMethod(this, method("batch"), true);
        assertThat(method.payloadType().toClass()).isEqualTo(Integer.class);
        method.invoke(List.of(record(1, 10), record(2, 20)), () -> { }, "g");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).isEqualTo(List.of(1L, 2L));
        assertThat((List<?>) calls.get(1)).hasSize(2);
    }

    @Test
    void aBatchListenersJsonElementTypeReachesJacksonWithItsClassesAndNotAsCollectionsTypeVariable() throws Exception {
        ListenerMethod orders = new ListenerMethod(this, method("jsonBatch"), true);
        assertThat(orders.payloadType().getType()).isEqualTo(Order.class);
        ListenerMethod maps = new ListenerMethod(this, method("mapBatch"), true);
        assertThat(maps.payloadType().getType().getTypeName())
                .isEqualTo("java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>");

        JsonMapper mapper = JsonMapper.builder().build();
        RecordHeaders headers = new RecordHeaders(List.of(io.kafkaex.protocol.record.Header.of(
                JsonSerializer.TYPE_ID_HEADER, Order.class.getName().getBytes(StandardCharsets.UTF_8))));
        Object read = new DeserializerFactory(type -> null, () -> mapper, List.of()).create(orders.payloadType(), null)
                .deserialize("t", headers, "{\"id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(read).isEqualTo(new Order("o-1"));
    }

    @Test
    void whatTheMethodThrowsIsHandedOnUnwrappedAndUnbindableMethodsFailWithTheFix() {
        ListenerMethod failing = new ListenerMethod(this, method("failing"), false);
        assertThatThrownBy(() -> failing.invoke(List.of(record(1, 1)), () -> { }, "g"))
                .isInstanceOf(ListenerInvoker.InvocationFailure.class).cause().hasMessage("boom");
        assertThatThrownBy(() -> new ListenerMethod(this, method("twoPayloads"), false))
                .hasMessageContaining("second payload parameter");
        assertThatThrownBy(() -> new ListenerMethod(this, method("single"), true))
                .hasMessageContaining("a batch listener takes List<...>");
    }

    @Test
    void aThrowingErrorHandlerIsAskedAgainAfterABackoffDoublingFromOneSecondUpToThirtySeconds() {
        assertThat(ListenerAdapter.handlerFailureBackoff(1)).hasSeconds(1);
        assertThat(ListenerAdapter.handlerFailureBackoff(3)).hasSeconds(4);
        assertThat(ListenerAdapter.handlerFailureBackoff(50)).hasSeconds(30);
    }

    void single(Integer payload, @Header(KafkaExHeaders.RECEIVED_KEY) Long key,
            @Header(KafkaExHeaders.RECEIVED_TOPIC) String topic, @Header(KafkaExHeaders.RECEIVED_PARTITION) int partition,
            @Header(KafkaExHeaders.OFFSET) long offset, @Header(KafkaExHeaders.RECEIVED_TIMESTAMP) long timestamp,
            @Header(KafkaExHeaders.TIMESTAMP_TYPE) String timestampType, @Header(KafkaExHeaders.GROUP_ID) String group,
            @Header("custom") String custom, Acknowledgment ack) {
        calls.addAll(List.of(payload, key, topic, partition, offset, timestamp, timestampType, group, custom, ack));
    }

    void batch(@Header(KafkaExHeaders.OFFSET) List<Long> offsets, List<ConsumedRecord<Long, Integer>> records) {
        calls.add(offsets);
        calls.add(records);
    }

    void jsonBatch(List<Order> orders) {
    }

    void mapBatch(List<Map<String, List<Integer>>> values) {
    }

    record Order(String id) {
    }

    void failing(Integer value) {
        throw new IllegalStateException("boom");
    }

    void twoPayloads(String one, String two) {
    }

    private static ConsumedRecord<Object, Object> record(long offset, int value) {
        return new ConsumedRecord<>("t", 3, offset, 1_000, TimestampType.LOG_APPEND_TIME, offset, value,
                List.of(io.kafkaex.protocol.record.Header.of("custom", ("v-" + offset).getBytes(StandardCharsets.UTF_8))));
    }

    private static java.lang.reflect.Method method(String name) {
        for (java.lang.reflect.Method method : ListenerMethodTest.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
