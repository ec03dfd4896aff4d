package io.kafkaex.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class TelemetryTest {

    private static final RequestEvent.Stop REQUEST_STOP = (RequestEvent.Stop) sample(TelemetryEventName.REQUEST_STOP);
    private static final FetchEvent.Stop FETCH_STOP = (FetchEvent.Stop) sample(TelemetryEventName.FETCH_STOP);
    private static final int LOOPS = 100_000;

    private final CapturingLogger log = CapturingLogger.capturing(Level.DEBUG);

    @Test
    void noopIsDisabledAndSoIsAnEmptyListenerList() {
        assertThat(Telemetry.noop().isEnabled()).isFalse();
        assertThat(Telemetry.of(List.of())).isSameAs(Telemetry.noop());
        assertThat(Telemetry.of(List.of(new KafkaExTelemetryListener() { })).isEnabled()).isTrue();
    }

    @Test
    void rejectsNullListeners() {
        assertThatNullPointerException().isThrownBy(() -> Telemetry.of(Arrays.asList(onEvent(event -> { }), null)));
    }

    @Test
    void callsListenersInRegistrationOrder() {
        List<String> order = new ArrayList<>();
        KafkaExTelemetryListener first = onEvent(event -> order.add("first"));
        KafkaExTelemetryListener second = onEvent(event -> order.add("second"));

        Telemetry.of(List.of(first, second)).emit(REQUEST_STOP);

        assertThat(order).containsExactly("first", "second");
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() {
        List<TelemetryEvent> before = new ArrayList<>();
        List<TelemetryEvent> after = new ArrayList<>();
        Telemetry telemetry =
                new Telemetry(List.of(onEvent(before::add), new ThrowingListener(), onEvent(after::add)), log);

        TelemetryEventSamples.all().forEach(telemetry::emit);

        assertThat(before).containsExactlyElementsOf(TelemetryEventSamples.all());
        assertThat(after).containsExactlyElementsOf(TelemetryEventSamples.all());
    }

    @Test
    void aListenerFailureIsLoggedAtWarnOncePerListenerAndEvent() {
        ThrowingListener throwing = new ThrowingListener();
        ThrowingListener otherThrowing = new ThrowingListener();
        Telemetry telemetry = new Telemetry(List.of(throwing, otherThrowing), log);

        telemetry.emit(REQUEST_STOP);
        telemetry.emit(REQUEST_STOP);
        telemetry.emit(FETCH_STOP);

        List<CapturingLogger.Line> warnings = log.lines().stream().filter(line -> line.level() == Level.WARN).toList();
        assertThat(warnings).hasSize(4);
        assertThat(warnings.get(0).message())
                .startsWith("Telemetry listener " + ThrowingListener.class.getName()
                        + " threw on event [:kafka_ex, :request, :stop]");
        assertThat(warnings.get(0).throwable()).hasMessage("listener bug");
        assertThat(warnings).extracting(line -> line.message().contains("[:kafka_ex, :fetch, :stop]"))
                .containsExactly(false, false, true, true);
        assertThat(log.lines()).filteredOn(line -> line.level() == Level.DEBUG).hasSize(2);
    }

    @Test
    void errorsThatAreNotVirtualMachineErrorsAreIsolatedToo() {
        KafkaExTelemetryListener assertionFailing = onEvent(event -> {
            throw new AssertionError("listener assertion");
        });
        List<TelemetryEvent> after = new ArrayList<>();

        new Telemetry(List.of(assertionFailing, onEvent(after::add)), log).emit(REQUEST_STOP);

        assertThat(after).containsExactly(REQUEST_STOP);
    }

    @Test
    void virtualMachineErrorsPropagate() {
        KafkaExTelemetryListener outOfMemory = onEvent(event -> {
            throw new OutOfMemoryError("simulated");
        });

        assertThatThrownBy(() -> new Telemetry(List.of(outOfMemory), log).emit(REQUEST_STOP))
                .isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void theNoopPathAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        Telemetry noop = Telemetry.noop();
        emitGuarded(noop, LOOPS);
        emitPrebuilt(noop, LOOPS);

        long before = threads.getCurrentThreadAllocatedBytes();
        int built = emitGuarded(noop, LOOPS);
        emitPrebuilt(noop, LOOPS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(built).isZero();
        assertThat(allocated).as("bytes allocated by %s no-op emits", 2 * LOOPS).isLessThan(1024);
    }

    @Test
    void theAllocationProbeSeesEventsWhenTelemetryIsEnabled() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        AtomicReference<TelemetryEvent> last = new AtomicReference<>();
        Telemetry enabled = Telemetry.of(List.of(onEvent(last::set)));

        long before = threads.getCurrentThreadAllocatedBytes();
        int built = emitGuarded(enabled, LOOPS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(built).isEqualTo(LOOPS);
        assertThat(last.get()).isNotNull();
        assertThat(allocated).isGreaterThan((long) LOOPS * 16);
    }

    /** The pattern the client uses: build the event only when telemetry is enabled. */
    private static int emitGuarded(Telemetry telemetry, int loops) {
        int built = 0;
        for (int i = 0; i < loops; i++) {
            if (telemetry.isEnabled()) {
                telemetry.emit(new RequestEvent.Stop(REQUEST_STOP.metadata(), Duration.ofNanos(i), i, i, Outcome.ok()));
                built++;
            }
        }
        return built;
    }

    private static void emitPrebuilt(Telemetry telemetry, int loops) {
        for (int i = 0; i < loops; i++) {
            telemetry.emit(REQUEST_STOP);
        }
    }

    private static TelemetryEvent sample(TelemetryEventName name) {
        return TelemetryEventSamples.all().get(name.ordinal());
    }

    /** A listener that gets every event in {@code onEvent} and hands it to {@code action}. */
    private static KafkaExTelemetryListener onEvent(Consumer<TelemetryEvent> action) {
        return new KafkaExTelemetryListener() {
            @Override
            public void onEvent(TelemetryEvent event) {
                action.accept(event);
            }
        };
    }

    private static final class ThrowingListener implements KafkaExTelemetryListener {

        @Override
        public void onEvent(TelemetryEvent event) {
            throw new IllegalStateException("listener bug");
        }
    }
}
