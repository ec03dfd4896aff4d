package io.kafkaex.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LoggingRecovererTest {

    @Test
    void logsEachRecordAtErrorAndCountsItRecovered(CapturedOutput output) {
        FailedDelivery delivery = TestRecords.delivery(
                List.of(TestRecords.record(40, 1, "key", "value-1"), TestRecords.record(41, 1, null, "v")),
                new IllegalStateException("boom"), 3, false);

        new LoggingRecoverer().recover(delivery);

        assertThat(output).contains("ERROR")
                .contains("Skipping record orders-2 offset 40 (key 3 bytes, value 7 bytes)")
                .contains("Skipping record orders-2 offset 41 (key null, value 1 bytes)")
                .contains("listener 'order-listener'").contains("IllegalStateException: boom")
                .contains("dead-letter.enabled=false");
    }
}
