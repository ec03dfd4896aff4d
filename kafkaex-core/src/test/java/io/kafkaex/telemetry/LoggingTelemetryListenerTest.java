package io.kafkaex.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.ApiKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LoggingTelemetryListenerTest {

    private final List<CapturingLogger.Line> lines = new CopyOnWriteArrayList<>();

    private Telemetry loggingAt(Level threshold) {
        LoggingTelemetryListener listener =
                new LoggingTelemetryListener(name -> new CapturingLogger(name, threshold, lines));
        return Telemetry.of(List.of(listener));
    }

    @Test
    void logsAStopEventAtDebugAsOneLineWithMetadataAndMeasurements() {
        RequestEvent.Metadata metadata = new RequestEvent.Metadata(ApiKey.PRODUCE, (short) 9, 7, "app",
                TelemetryEventSamples.BROKER);

        loggingAt(Level.DEBUG).emit(new RequestEvent.Stop(metadata, TelemetryEventSamples.TOOK, 212, 64, Outcome.ok()));

        assertThat(lines).containsExactly(new CapturingLogger.Line("io.kafkaex.telemetry.request", Level.DEBUG,
                "request.stop api=PRODUCE apiVersion=9 correlationId=7 clientId=app broker=1@kafka-1:9092"
                        + " duration=1.204ms bytesSent=212 bytesReceived=64 result=ok", null));
    }

    @Test
    void logsAnErrorResultWithTheErrorName() {
        loggingAt(Level.DEBUG).emit(TelemetryEventSamples.all().get(TelemetryEventName.CONSUMER_COMMIT_STOP.ordinal()));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.logger()).isEqualTo("io.kafkaex.telemetry.consumer.commit");
            assertThat(line.message()).isEqualTo("consumer.commit.stop groupId=billing clientId=app topics=[orders]"
                    + " partitionCount=2 duration=1.204ms result=error error=NOT_COORDINATOR");
        });
    }

    @Test
    void logsAnExceptionEventAtWarnWithItsThrowable() {
        loggingAt(Level.DEBUG).emit(TelemetryEventSamples.all().get(TelemetryEventName.AUTH_EXCEPTION.ordinal()));

        assertThat(lines).containsExactly(new CapturingLogger.Line("io.kafkaex.telemetry.auth", Level.WARN,
                "auth.exception broker=1@kafka-1:9092 mechanism=SCRAM-SHA-512 reauthentication=false duration=1.204ms"
                        + " exception=java.lang.IllegalStateException: boom", TelemetryEventSamples.BOOM));
    }

    @Test
    void logsEveryEventOnItsFamilysLogger() {
        List<TelemetryEvent> samples = TelemetryEventSamples.all();

        samples.forEach(loggingAt(Level.DEBUG)::emit);

        assertThat(lines).hasSameSizeAs(samples);
        for (int i = 0; i < samples.size(); i++) {
            TelemetryEventName name = samples.get(i).name();
            CapturingLogger.Line line = lines.get(i);
            assertThat(line.logger()).isEqualTo("io.kafkaex.telemetry." + name.family());
            assertThat(line.level()).isEqualTo(samples.get(i) instanceof ThrownEvent ? Level.WARN : Level.DEBUG);
            assertThat(line.message()).startsWith(name.path() + " ").doesNotContain("\n");
        }
    }

    @Test
    void writesNothingBelowItsLevel() {
        Telemetry telemetry = loggingAt(Level.INFO);

        TelemetryEventSamples.all().forEach(telemetry::emit);

        assertThat(lines).allSatisfy(line -> assertThat(line.level()).isEqualTo(Level.WARN))
                .hasSize(12);
    }
}
