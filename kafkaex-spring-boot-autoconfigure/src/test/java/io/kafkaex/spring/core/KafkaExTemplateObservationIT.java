package io.kafkaex.spring.core;

import static io.kafkaex.spring.core.KafkaExTemplateIT.client;
import static io.kafkaex.spring.core.KafkaExTemplateIT.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.SenderContext;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** kafkaex.template.observation-enabled against a real broker: the observation and the headers its handlers set. */
@KafkaExBroker
class KafkaExTemplateObservationIT {

    private static final String TOPIC = "KafkaExTemplateObservationIT";

    private static ApplicationContextRunner runner;

    @BeforeAll
    static void createTopics(KafkaTestCluster cluster) {
        cluster.createTopic(TOPIC + "-headers", 1, 1);
        cluster.createTopic(TOPIC, 1, 1);
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers())
                .withBean(TestObservationRegistry.class, KafkaExTemplateObservationIT::registryThatPropagates);
    }

    @Test
    void eachSendIsAnObservationWhoseContextWritesRecordHeaders() {
        runner.withPropertyValues("kafkaex.template.observation-enabled=true").run(context -> {
            template(context).send(TOPIC + "-headers", "observed").join();

            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .hasSingleObservationThat()
                    .hasNameEqualTo("kafkaex.template")
                    .hasContextualNameEqualTo(TOPIC + "-headers send")
                    .hasLowCardinalityKeyValue("messaging.system", "kafka")
                    .hasLowCardinalityKeyValue("messaging.destination.name", TOPIC + "-headers")
                    .hasBeenStarted().hasBeenStopped().doesNotHaveError();
            assertThat(BrokerRecords.header(BrokerRecords.only(client(context), TOPIC + "-headers", 0), "traceparent"))
                    .isEqualTo("00-trace-span-01");
        });
    }

    @Test
    void aFailedSendStopsItsObservationWithTheError() {
        runner.withPropertyValues("kafkaex.template.observation-enabled=true").run(context -> {
            assertThat(template(context).send(TOPIC, new byte[2 * 1024 * 1024])).failsWithin(Duration.ofSeconds(30));

            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .hasSingleObservationThat().hasBeenStarted().hasBeenStopped().hasError();
        });
    }

    @Test
    void withoutThePropertyNothingIsObserved() {
        runner.run(context -> {
            template(context).send(TOPIC, "not observed").join();

            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
        });
    }

    /** A registry with a handler that, like a tracing one, injects a header through the sender context's setter. */
    private static TestObservationRegistry registryThatPropagates() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
            @Override
            public void onStart(SenderContext<Object> context) {
                context.getSetter().set(context.getCarrier(), "traceparent", "00-trace-span-01");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof SenderContext<?>;
            }
        });
        return registry;
    }
}
