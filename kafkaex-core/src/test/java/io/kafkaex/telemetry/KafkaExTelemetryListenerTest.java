package io.kafkaex.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KafkaExTelemetryListenerTest {

    private static final List<TelemetryEvent> SAMPLES = TelemetryEventSamples.all();

    /** A callback call seen by the recording listener. */
    private record Call(String callback, Object event) {
    }

    @Test
    void samplesCoverEveryEventName() {
        assertThat(SAMPLES).extracting(TelemetryEvent::name).containsExactly(TelemetryEventName.values());
    }

    @Test
    void hasOneCallbackPerSeedEventTakingThatEventsRecord() {
        Map<String, Method> callbacks = Arrays.stream(KafkaExTelemetryListener.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !method.getName().equals("onEvent"))
                .filter(method -> method.getParameterTypes()[0] != ClientState.class) // lifecycle, not events
                .collect(Collectors.toMap(Method::getName, Function.identity()));

        assertThat(callbacks.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(TelemetryEventName.values()).map(TelemetryEventSamples::callbackName).toList());
        for (TelemetryEvent sample : SAMPLES) {
            Method callback = callbacks.get(TelemetryEventSamples.callbackName(sample.name()));
            assertThat(callback.getParameterTypes()).as(callback.getName()).containsExactly(sample.getClass());
            assertThat(callback.isDefault()).as(callback.getName()).isTrue();
        }
    }

    @Test
    void everyEventReachesItsOwnCallbackThroughTheDispatcher() {
        List<Call> calls = new ArrayList<>();
        Telemetry telemetry = Telemetry.of(List.of(recordingListener(calls)));

        SAMPLES.forEach(telemetry::emit);

        assertThat(calls).containsExactlyElementsOf(SAMPLES.stream()
                .map(event -> new Call(TelemetryEventSamples.callbackName(event.name()), event))
                .toList());
    }

    @Test
    void defaultCallbacksForwardToOnEvent() {
        List<TelemetryEvent> seen = new ArrayList<>();
        KafkaExTelemetryListener catchAll = new KafkaExTelemetryListener() {
            @Override
            public void onEvent(TelemetryEvent event) {
                seen.add(event);
            }
        };

        SAMPLES.forEach(Telemetry.of(List.of(catchAll))::emit);

        assertThat(seen).containsExactlyElementsOf(SAMPLES);
    }

    @Test
    void anOverriddenCallbackTakesItsEventAwayFromOnEvent() {
        EnumSet<TelemetryEventName> inOnEvent = EnumSet.noneOf(TelemetryEventName.class);
        List<RequestEvent.Stop> requestStops = new ArrayList<>();
        KafkaExTelemetryListener listener = new KafkaExTelemetryListener() {
            @Override
            public void onEvent(TelemetryEvent event) {
                inOnEvent.add(event.name());
            }

            @Override
            public void onRequestStop(RequestEvent.Stop event) {
                requestStops.add(event);
            }
        };

        SAMPLES.forEach(Telemetry.of(List.of(listener))::emit);

        assertThat(requestStops).hasSize(1);
        assertThat(inOnEvent).hasSize(TelemetryEventName.values().length - 1)
                .doesNotContain(TelemetryEventName.REQUEST_STOP);
    }

    @Test
    void exceptionEventsAndOnlyThoseAreThrownEvents() {
        for (TelemetryEvent sample : SAMPLES) {
            assertThat(sample instanceof ThrownEvent).as(sample.name().path())
                    .isEqualTo(sample.name().path().endsWith(".exception"));
        }
    }

    /** A listener that records which interface method each call arrives at, overriding every callback. */
    private static KafkaExTelemetryListener recordingListener(List<Call> calls) {
        return (KafkaExTelemetryListener) Proxy.newProxyInstance(KafkaExTelemetryListener.class.getClassLoader(),
                new Class<?>[] {KafkaExTelemetryListener.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add(new Call(method.getName(), args[0]));
                    return null;
                });
    }
}
