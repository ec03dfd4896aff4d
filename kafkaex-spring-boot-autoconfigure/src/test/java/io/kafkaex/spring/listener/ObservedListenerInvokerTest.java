package io.kafkaex.spring.listener;

import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.TimestampType;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listener invocations observed: tags, scope while the listener runs, errors, the header getter, batches, conventions. */
class ObservedListenerInvokerTest {

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final List<Observation> inScope = new ArrayList<>();

    @Test
    void eachInvocationIsAnObservationInScopeWhileTheListenerRunsWithTheMessagingTags() throws Exception {
        ObservedListenerInvoker invoker = observed(records -> {
            inScope.add(registry.getCurrentObservation());
            return "reply";
        }, null);

        assertThat(invoker.invoke(List.of(record(7, "00-abc-def-01")), () -> { }, "orders-group")).isEqualTo("reply");

        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasNameEqualTo("kafkaex.listener")
                .hasContextualNameEqualTo("orders process")
                .hasLowCardinalityKeyValue("messaging.system", "kafka")
                .hasLowCardinalityKeyValue("messaging.operation", "process")
                .hasLowCardinalityKeyValue("messaging.destination.kind", "topic")
                .hasLowCardinalityKeyValue("messaging.destination.name", "orders")
                .hasLowCardinalityKeyValue("messaging.kafka.consumer.group", "orders-group")
                .hasLowCardinalityKeyValue("kafkaex.listener.id", "orders-listener")
                .hasHighCardinalityKeyValue("messaging.kafka.source.partition", "2")
                .hasHighCardinalityKeyValue("messaging.kafka.message.offset", "7")
                .hasBeenStarted().hasBeenStopped().doesNotHaveError();
        assertThat(inScope).hasSize(1);
        assertThat(inScope.get(0).getContext()).isInstanceOf(KafkaExListenerReceiverContext.class);
        assertThat(registry.getCurrentObservation()).isNull();
    }

    @Test
    void theContextGetterReadsTheRecordsHeaderSoATracingHandlerCanContinueTheTrace() throws Exception {
        List<KafkaExListenerReceiverContext> contexts = new ArrayList<>();
        observed(records -> {
            contexts.add((KafkaExListenerReceiverContext) registry.getCurrentObservation().getContext());
            return null;
        }, null).invoke(List.of(record(1, "00-trace-span-01")), () -> { }, "g");

        KafkaExListenerReceiverContext context = contexts.get(0);
        assertThat(context.getGetter().get(context.getCarrier(), "traceparent")).isEqualTo("00-trace-span-01");
        assertThat(context.getGetter().get(context.getCarrier(), "absent")).isNull();
        assertThat(context.getRemoteServiceName()).isEqualTo("Apache Kafka");
    }

    @Test
    void whatTheListenerThrowsIsTheObservationsErrorAndIsHandedOn() {
        IllegalStateException boom = new IllegalStateException("boom");
        ObservedListenerInvoker invoker = observed(records -> {
            throw new ListenerInvoker.InvocationFailure(boom);
        }, null);

        assertThatThrownBy(() -> invoker.invoke(List.of(record(1, null)), () -> { }, "g"))
                .isInstanceOf(ListenerInvoker.InvocationFailure.class).cause().isSameAs(boom);

        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasBeenStarted().hasBeenStopped().assertThatError().isSameAs(boom);
    }

    @Test
    void aBatchIsOneObservationCarriedByItsFirstRecord() throws Exception {
        List<KafkaExListenerReceiverContext> contexts = new ArrayList<>();
        observed(records -> {
            contexts.add((KafkaExListenerReceiverContext) registry.getCurrentObservation().getContext());
            return null;
        }, null).invoke(List.of(record(3, "00-first-01"), record(4, "00-second-01")), () -> { }, "g");

        TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsEqualTo(1);
        KafkaExListenerReceiverContext context = contexts.get(0);
        assertThat(context.getRecords()).hasSize(2);
        assertThat(context.getOffset()).isEqualTo(3);
        assertThat(context.getGetter().get(context.getCarrier(), "traceparent")).isEqualTo("00-first-01");
    }

    @Test
    void aConventionReplacesTheDefaultNameAndTags() throws Exception {
        observed(records -> null, new DefaultKafkaExListenerObservationConvention() {
            @Override
            public String getName() {
                return "custom.receive";
            }

            @Override
            public KeyValues getLowCardinalityKeyValues(KafkaExListenerReceiverContext context) {
                return KeyValues.of("team", "payments");
            }
        }).invoke(List.of(record(1, null)), () -> { }, "g");

        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasNameEqualTo("custom.receive").hasLowCardinalityKeyValue("team", "payments")
                .doesNotHaveLowCardinalityKeyValueWithKey("messaging.system");
    }

    private ObservedListenerInvoker observed(Listener listener, KafkaExListenerObservationConvention convention) {
        ListenerInvoker delegate = new ListenerInvoker() {
            @Override
            public ResolvableType keyType() {
                return ResolvableType.forClass(String.class);
            }

            @Override
            public ResolvableType payloadType() {
                return ResolvableType.forClass(Integer.class);
            }

            @Override
            public Object invoke(List<ConsumedRecord<Object, Object>> records, Acknowledgment acknowledgment,
                    String groupId) throws InvocationFailure {
                return listener.handle(records);
            }
        };
        ObservedListenerInvoker invoker = new ObservedListenerInvoker(delegate, "orders-listener", registry, convention);
        assertThat(invoker.payloadType().toClass()).isEqualTo(Integer.class);
        assertThat(invoker.keyType().toClass()).isEqualTo(String.class);
        return invoker;
    }

    @FunctionalInterface
    private interface Listener {
        Object handle(List<ConsumedRecord<Object, Object>> records) throws ListenerInvoker.InvocationFailure;
    }

    private static ConsumedRecord<Object, Object> record(long offset, String traceparent) {
        List<Header> headers = traceparent == null ? List.of()
                : List.of(Header.of("traceparent", traceparent.getBytes(StandardCharsets.UTF_8)));
        return new ConsumedRecord<>("orders", 2, offset, 1_000, TimestampType.CREATE_TIME, "k", (Object) 1, headers);
    }
}
