package io.kafkaex.spring.listener;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.autoconfigure.KafkaExConsumerGroupOptionsCustomizer;
import io.kafkaex.consumer.OffsetResetPolicy;
import io.kafkaex.spring.core.KafkaExTemplate;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kafkaex.listener.observation-enabled against a real broker: the trace context a template send puts into the record
 * headers is what the listener observation reads (propagation through the broker), the observation is in scope while
 * the listener runs, a failing listener's observation has the error, a convention bean renames it, and nothing is
 * observed without the property.
 */
@KafkaExBroker
class KafkaExListenerObservationIT {

    private static final String P = "KafkaExListenerObservationIT-";
    private static ApplicationContextRunner runner;

    @BeforeAll
    static void topics(KafkaTestCluster cluster) {
        for (String topic : List.of("traced", "failing", "renamed", "unobserved")) {
            cluster.createTopic(P + topic, 1, 1);
        }
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withUserConfiguration(Listeners.class)
                .withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(),
                        "kafkaex.template.observation-enabled=true",
                        "kafkaex.listener.error-handler.max-attempts=1",
                        "kafkaex.listener.error-handler.dead-letter.enabled=false");
    }

    @Test
    void theTraceContextSentByTheTemplateReachesTheListenerObservationThroughTheBroker() {
        runner.withPropertyValues("kafkaex.listener.observation-enabled=true").run(context -> {
            Propagation propagation = context.getBean(Propagation.class);
            Listeners listeners = context.getBean(Listeners.class);
            template(context).send(P + "traced", "one").join();
            template(context).send(P + "traced", "two").join();

            await().atMost(Duration.ofSeconds(60)).until(() -> propagation.stopped("kafkaex.listener") == 2);
            assertThat(propagation.injected).hasSize(2);
            assertThat(propagation.extracted).containsExactlyElementsOf(propagation.injected);
            assertThat(listeners.tracedInScope).containsExactlyElementsOf(propagation.injected);
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .hasObservationWithNameEqualTo("kafkaex.listener").that()
                    .hasContextualNameEqualTo(P + "traced process")
                    .hasLowCardinalityKeyValue("messaging.system", "kafka")
                    .hasLowCardinalityKeyValue("messaging.operation", "process")
                    .hasLowCardinalityKeyValue("messaging.destination.name", P + "traced")
                    .hasLowCardinalityKeyValue("messaging.kafka.consumer.group", P + "traced-group")
                    .hasLowCardinalityKeyValue("kafkaex.listener.id", "traced")
                    .hasBeenStarted().hasBeenStopped().doesNotHaveError();
        });
    }

    @Test
    void aFailingListenersObservationHasTheErrorAndAConventionBeanRenamesTheObservation() {
        runner.withPropertyValues("kafkaex.listener.observation-enabled=true")
                .withBean(KafkaExListenerObservationConvention.class, () -> new DefaultKafkaExListenerObservationConvention() {
                    @Override
                    public String getName() {
                        return "custom.process";
                    }

                    @Override
                    public KeyValues getLowCardinalityKeyValues(KafkaExListenerReceiverContext context) {
                        return super.getLowCardinalityKeyValues(context).and("team", "payments");
                    }
                })
                .run(context -> {
                    template(context).send(P + "failing", "boom").join();

                    Propagation propagation = context.getBean(Propagation.class);
                    await().atMost(Duration.ofSeconds(60)).until(() -> propagation.stopped("custom.process") == 1);
                    TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                            .hasObservationWithNameEqualTo("custom.process").that()
                            .hasLowCardinalityKeyValue("team", "payments")
                            .hasLowCardinalityKeyValue("kafkaex.listener.id", "failing")
                            .hasBeenStopped().assertThatError().hasMessage("listener failed on boom");
                });
    }

    @Test
    void withoutThePropertyListenerInvocationsAreNotObserved() {
        runner.run(context -> {
            Listeners listeners = context.getBean(Listeners.class);
            template(context).send(P + "unobserved", "plain").join();

            await().atMost(Duration.ofSeconds(60)).until(() -> listeners.unobserved.contains("plain"));
            assertThat(context.getBean(Propagation.class).stopped).containsOnly("kafkaex.template");
        });
    }

    @SuppressWarnings("unchecked")
    private static KafkaExTemplate<Object, Object> template(ApplicationContext context) {
        return context.getBean(KafkaExTemplate.class);
    }

    /**
     * Handlers that act like a tracing bridge: the send injects a new {@code traceparent} through the sender context's
     * setter, the receive extracts it through the receiver context's getter; and the names of stopped observations.
     */
    static final class Propagation {
        final Queue<String> injected = new ConcurrentLinkedQueue<>();
        final Queue<String> extracted = new ConcurrentLinkedQueue<>();
        final Queue<String> stopped = new ConcurrentLinkedQueue<>();
        private final AtomicInteger traces = new AtomicInteger();

        long stopped(String name) {
            return stopped.stream().filter(name::equals).count();
        }

        void register(TestObservationRegistry registry) {
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public void onStop(Observation.Context context) {
                    stopped.add(context.getName());
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            });
            registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
                @Override
                public void onStart(SenderContext<Object> context) {
                    String traceparent = "00-" + String.format("%032d", traces.incrementAndGet()) + "-00f067aa0ba902b7-01";
                    injected.add(traceparent);
                    context.getSetter().set(context.getCarrier(), "traceparent", traceparent);
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return context instanceof SenderContext<?>;
                }
            });
            registry.observationConfig().observationHandler(new ObservationHandler<ReceiverContext<Object>>() {
                @Override
                public void onStart(ReceiverContext<Object> context) {
                    extracted.add(context.getGetter().get(context.getCarrier(), "traceparent"));
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return context instanceof ReceiverContext<?>;
                }
            });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        final Queue<String> tracedInScope = new ConcurrentLinkedQueue<>();
        final Queue<String> unobserved = new ConcurrentLinkedQueue<>();
        private TestObservationRegistry registry;

        @Bean
        Propagation propagation() {
            return new Propagation();
        }

        @Bean
        TestObservationRegistry observationRegistry(Propagation propagation) {
            registry = TestObservationRegistry.create();
            propagation.register(registry);
            return registry;
        }

        @Bean
        KafkaExConsumerGroupOptionsCustomizer earliest() {
            return (listenerId, builder) -> builder.autoOffsetReset(OffsetResetPolicy.EARLIEST)
                    .heartbeatInterval(Duration.ofMillis(500)).sessionTimeout(Duration.ofSeconds(10));
        }

        /** Reads the trace context from the observation in scope while it runs. */
        @io.kafkaex.spring.annotation.KafkaExListener(id = "traced", topics = P + "traced", groupId = P + "traced-group")
        void traced(String value) {
            KafkaExListenerReceiverContext context = (KafkaExListenerReceiverContext) registry.getCurrentObservation()
                    .getContext();
            tracedInScope.add(context.getGetter().get(context.getCarrier(), "traceparent"));
        }

        @io.kafkaex.spring.annotation.KafkaExListener(id = "failing", topics = P + "failing")
        void failing(String value) {
            throw new IllegalStateException("listener failed on " + value);
        }

        @io.kafkaex.spring.annotation.KafkaExListener(id = "unobserved", topics = P + "unobserved")
        void unobserved(String value) {
            unobserved.add(value);
        }
    }
}
