package io.kafkaex.spring.listener;

import static io.kafkaex.spring.listener.TestRecords.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.Record;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    @Test
    void keepsTheOriginalHeadersFirstThenDescribesTheFailure() {
        Record record = TestRecords.record(40, 1_700_000_000_000L, "k", "v", Header.of("trace", TestRecords.utf8("abc")));
        FailedDelivery delivery = TestRecords.delivery(List.of(record),
                new IllegalStateException("outer", new RuntimeException("middle", new IOException("disk full"))), 3, false);

        List<Header> headers = DeadLetterHeaders.of(record, delivery);

        assertThat(headers.get(0).key()).isEqualTo("trace");
        assertThat(text(headers.get(0).value())).isEqualTo("abc");
        Map<String, String> dlt = texts(headers.subList(1, headers.size()));
        assertThat(dlt).containsEntry(DeadLetterHeaders.ORIGINAL_TOPIC, "orders")
                .containsEntry(DeadLetterHeaders.ORIGINAL_PARTITION, "2")
                .containsEntry(DeadLetterHeaders.ORIGINAL_OFFSET, "40")
                .containsEntry(DeadLetterHeaders.ORIGINAL_TIMESTAMP, "1700000000000")
                .containsEntry(DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE, "CREATE_TIME")
                .containsEntry(DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP, "billing")
                .containsEntry(DeadLetterHeaders.LISTENER_ID, "order-listener")
                .containsEntry(DeadLetterHeaders.EXCEPTION_FQCN, "java.lang.IllegalStateException")
                .containsEntry(DeadLetterHeaders.EXCEPTION_MESSAGE, "outer")
                .containsEntry(DeadLetterHeaders.EXCEPTION_CAUSE_FQCN, "java.io.IOException")
                .containsEntry(DeadLetterHeaders.EXCEPTION_CAUSE_MESSAGE, "disk full")
                .containsEntry(DeadLetterHeaders.DESERIALIZATION_FAILURE, "false")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, "3");
        assertThat(dlt.get(DeadLetterHeaders.EXCEPTION_STACKTRACE))
                .startsWith("java.lang.IllegalStateException: outer")
                .contains("Caused by: java.io.IOException: disk full");
        assertThat(dlt.keySet()).allMatch(key -> key.startsWith(DeadLetterHeaders.PREFIX));
    }

    @Test
    void earlierDeadLetterHeadersAreReplacedNotRepeated() {
        Record record = TestRecords.record(7, 1, "k", "v", Header.of(DeadLetterHeaders.ATTEMPTS, TestRecords.utf8("9")),
                Header.of(DeadLetterHeaders.ORIGINAL_TOPIC, TestRecords.utf8("older")));
        List<Header> headers = DeadLetterHeaders.of(record,
                TestRecords.delivery(List.of(record), new IllegalStateException("x"), 1, true));
        assertThat(headers.stream().filter(h -> h.key().equals(DeadLetterHeaders.ATTEMPTS))).hasSize(1);
        assertThat(texts(headers)).containsEntry(DeadLetterHeaders.ATTEMPTS, "1")
                .containsEntry(DeadLetterHeaders.ORIGINAL_TOPIC, "orders")
                .containsEntry(DeadLetterHeaders.DESERIALIZATION_FAILURE, "true");
    }

    @Test
    void anExceptionWithoutCauseOrMessageHasANullMessageAndNoCauseHeaders() {
        Record record = TestRecords.record(7, 1, null, null);
        List<Header> headers = DeadLetterHeaders.of(record,
                TestRecords.delivery(List.of(record), new NullPointerException(), 1, false));
        Header message = headers.stream().filter(h -> h.key().equals(DeadLetterHeaders.EXCEPTION_MESSAGE)).findFirst()
                .orElseThrow();
        assertThat(message.value()).isNull();
        assertThat(headers).extracting(Header::key).doesNotContain(DeadLetterHeaders.EXCEPTION_CAUSE_FQCN,
                DeadLetterHeaders.EXCEPTION_CAUSE_MESSAGE);
    }

    @Test
    void longMessagesAndStackTracesAreCut() {
        Record record = TestRecords.record(7, 1, "k", "v");
        String huge = "x".repeat(DeadLetterHeaders.MAX_TEXT_LENGTH * 2);
        Map<String, String> dlt = texts(DeadLetterHeaders.of(record,
                TestRecords.delivery(List.of(record), new IllegalStateException(huge), 1, false)));
        assertThat(dlt.get(DeadLetterHeaders.EXCEPTION_MESSAGE)).hasSize(DeadLetterHeaders.MAX_TEXT_LENGTH)
                .endsWith(DeadLetterHeaders.CUT_MARK);
        assertThat(dlt.get(DeadLetterHeaders.EXCEPTION_STACKTRACE)).hasSize(DeadLetterHeaders.MAX_TEXT_LENGTH)
                .endsWith(DeadLetterHeaders.CUT_MARK);
    }

    private static Map<String, String> texts(List<Header> headers) {
        return headers.stream().collect(Collectors.toMap(Header::key, h -> String.valueOf(text(h.value()))));
    }
}
