package io.kafkaex.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.NewTopic;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.spring.core.DeclaredTopicCreator;
import io.kafkaex.spring.core.DefaultKafkaExTemplateObservationConvention;
import io.kafkaex.spring.core.KafkaExAdmin;
import io.kafkaex.spring.core.KafkaExTemplate;
import io.kafkaex.spring.core.KafkaExTemplateObservationConvention;
import io.kafkaex.spring.core.TransactionalProducerPool;
import io.kafkaex.spring.serialization.ByTypeSerializer;
import io.kafkaex.spring.serialization.JsonSerializer;
import io.kafkaex.spring.serialization.RecordHeaders;
import io.kafkaex.spring.serialization.SerializationException;
import io.kafkaex.spring.serialization.Serializer;
import io.kafkaex.spring.serialization.StringSerializer;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class KafkaExTemplateConfigurationTest {

    record Order(String id, int quantity) {
    }

    /** No broker listens on port 1: nothing in these tests may reach one. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
            .withPropertyValues("kafkaex.bootstrap-servers=127.0.0.1:1");

    @Test
    void byDefaultThereIsAProducerAByTypeSerializedTemplateAnAdminAndATopicCreator() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(KafkaExProducer.class)
                    .hasSingleBean(KafkaExTemplate.class)
                    .hasSingleBean(KafkaExAdmin.class)
                    .hasSingleBean(DeclaredTopicCreator.class)
                    .doesNotHaveBean(TransactionalProducerPool.class);
            assertThat(context.getBean(KafkaExTemplateConfiguration.KEY_SERIALIZER)).isInstanceOf(ByTypeSerializer.class);
            assertThat(context.getBean(KafkaExTemplateConfiguration.VALUE_SERIALIZER)).isInstanceOf(ByTypeSerializer.class);
            KafkaExTemplate<?, ?> template = context.getBean(KafkaExTemplate.class);
            assertThat(template.isTransactional()).isFalse();
            assertThat(template.getDefaultTopic()).isNull();
            assertThat(context.getBean(KafkaExAdmin.class).operationTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(context.getBean(KafkaExProducer.class).options().client().clientId())
                    .isEqualTo("kafkaex-producer");
        });
    }

    @Test
    void adminPropertiesDefaultToAutoCreateWithoutFailFast() {
        AdminProperties admin = new AdminProperties();

        assertThat(admin.isAutoCreate()).isTrue();
        assertThat(admin.isFailFast()).isFalse();
        assertThat(admin.getOperationTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new TemplateProperties().isObservationEnabled()).isFalse();
    }

    @Test
    void propertiesBind() {
        runner.withPropertyValues("kafkaex.template.default-topic=orders", "kafkaex.template.observation-enabled=true",
                "kafkaex.admin.fail-fast=true", "kafkaex.admin.operation-timeout=5s", "kafkaex.admin.auto-create=false")
                .run(context -> {
                    KafkaExProperties properties = context.getBean(KafkaExProperties.class);
                    assertThat(properties.getTemplate().isObservationEnabled()).isTrue();
                    assertThat(properties.getAdmin().isFailFast()).isTrue();
                    assertThat(context.getBean(KafkaExTemplate.class).getDefaultTopic()).isEqualTo("orders");
                    assertThat(context.getBean(KafkaExAdmin.class).operationTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(context).doesNotHaveBean(DeclaredTopicCreator.class);
                });
    }

    @Test
    void userBeansWin() {
        runner.withUserConfiguration(UserBeans.class).run(context -> {
            assertThat(context.getBean(KafkaExTemplate.class)).isSameAs(context.getBean("userTemplate"));
            assertThat(context.getBean(KafkaExAdmin.class)).isSameAs(context.getBean("userAdmin"));
            assertThat(context.getBean(KafkaExProducer.class)).isSameAs(context.getBean("userProducer"));
            assertThat(context.getBean(KafkaExTemplateConfiguration.VALUE_SERIALIZER)).isInstanceOf(StringSerializer.class);
            assertThat(context.getBean(KafkaExTemplateConfiguration.KEY_SERIALIZER)).isInstanceOf(ByTypeSerializer.class);
        });
    }

    @Test
    void theTemplateCanBeInjectedWithTheApplicationsOwnTypeArguments() {
        runner.withUserConfiguration(TypedTemplateUser.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TypedTemplateUser.class).template).isSameAs(context.getBean(KafkaExTemplate.class));
        });
    }

    static class TypedTemplateUser {

        final KafkaExTemplate<String, Duration> template;

        TypedTemplateUser(KafkaExTemplate<String, Duration> template) {
            this.template = template;
        }
    }

    @Test
    void aTransactionIdPrefixMakesTheTemplateTransactionalWithoutAPlainProducer() {
        runner.withPropertyValues("kafkaex.producer.transaction-id-prefix=tx-").run(context -> {
            assertThat(context).hasSingleBean(TransactionalProducerPool.class).doesNotHaveBean(KafkaExProducer.class);
            assertThat(context.getBean(TransactionalProducerPool.class).transactionIdPrefix()).isEqualTo("tx-");
            assertThat(context.getBean(KafkaExTemplate.class).isTransactional()).isTrue();
        });
    }

    @Test
    void aBlankTransactionIdPrefixIsRejectedNamingTheProperty() {
        // the core's own rejection stays attached as the cause, so the property exception is in the chain, not last
        runner.withPropertyValues("kafkaex.producer.transaction-id-prefix= ").run(context -> assertThat(
                Stream.iterate(context.getStartupFailure(), Objects::nonNull, Throwable::getCause))
                .anySatisfy(failure -> assertThat(failure).isInstanceOf(InvalidKafkaExPropertyException.class)
                        .hasMessageContaining("kafkaex.producer.transaction-id-prefix")));
    }

    @Test
    void aNonPositiveOperationTimeoutIsRejectedNamingTheProperty() {
        runner.withPropertyValues("kafkaex.admin.operation-timeout=0s").run(context -> assertThat(context)
                .getFailure().rootCause().isInstanceOf(InvalidKafkaExPropertyException.class)
                .hasMessageContaining("kafkaex.admin.operation-timeout"));
    }

    @Test
    void withoutAJsonMapperAPojoFailsTheFutureClearly() {
        runner.run(context -> {
            assertThat(template(context).send("orders", new Order("o-1", 1)))
                    .failsWithin(Duration.ofSeconds(5))
                    .withThrowableThat().havingCause()
                    .isInstanceOf(SerializationException.class)
                    .withMessageContaining("JsonMapper bean");
        });
    }

    @Test
    void withObservationEnabledSendsAreObservedInTheRegistryBeanWithTheConventionBean() {
        runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
                .withBean(KafkaExTemplateObservationConvention.class, () -> new DefaultKafkaExTemplateObservationConvention() {
                    @Override
                    public String getName() {
                        return "custom.send";
                    }
                })
                .withPropertyValues("kafkaex.template.observation-enabled=true")
                .run(context -> {
                    // a POJO without a JSON mapper fails before the broker is needed, and still is observed
                    assertThat(template(context).send("orders", new Order("o-1", 1))).failsWithin(Duration.ofSeconds(5));

                    TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                            .hasSingleObservationThat().hasNameEqualTo("custom.send").hasError();
                });
    }

    @Test
    void withoutObservationEnabledTheRegistryBeanIsNotUsed() {
        runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run(context -> {
            assertThat(template(context).send("orders", new Order("o-1", 1))).failsWithin(Duration.ofSeconds(5));

            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
        });
    }

    @Test
    void withTheApplicationsJsonMapperPojosAreJsonWithTheTypeHeader() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class)).run(context -> {
            @SuppressWarnings("unchecked")
            Serializer<Object> values = (Serializer<Object>) context.getBean(KafkaExTemplateConfiguration.VALUE_SERIALIZER);
            RecordHeaders headers = new RecordHeaders();

            byte[] json = values.serialize("orders", headers, new Order("o-1", 1));

            assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"o-1\",\"quantity\":1}");
            assertThat(headers.lastString(JsonSerializer.TYPE_ID_HEADER)).isEqualTo(Order.class.getName());
        });
    }

    @Test
    void aConfiguredSerializerClassIsMadeByTheBeanFactoryWithTheApplicationsMapper() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("kafkaex.producer.value-serializer=" + JsonSerializer.class.getName(),
                        "kafkaex.producer.key-serializer=" + StringSerializer.class.getName())
                .run(context -> {
                    assertThat(context.getBean(KafkaExTemplateConfiguration.VALUE_SERIALIZER)).isInstanceOf(JsonSerializer.class);
                    assertThat(context.getBean(KafkaExTemplateConfiguration.KEY_SERIALIZER)).isInstanceOf(StringSerializer.class);
                });
    }

    @Test
    void aConfiguredJsonSerializerWithoutAMapperFailsNamingTheProperty() {
        runner.withPropertyValues("kafkaex.producer.value-serializer=" + JsonSerializer.class.getName())
                .run(context -> assertThat(context).getFailure()
                        .hasRootCauseInstanceOf(org.springframework.beans.factory.NoSuchBeanDefinitionException.class)
                        .cause().cause().isInstanceOf(InvalidKafkaExPropertyException.class)
                        .hasMessageContaining("kafkaex.producer.value-serializer"));
    }

    @Test
    void aDeclaredTopicThatCannotBeCreatedFailsTheStartUpWhenFailFastNamingTheTopic() {
        runner.withUserConfiguration(DeclaredTopic.class)
                .withPropertyValues("kafkaex.admin.fail-fast=true", "kafkaex.admin.operation-timeout=500ms")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("declared-orders")
                        .hasMessageContaining("kafkaex.admin.fail-fast"));
    }

    @Test
    void aDeclaredTopicThatCannotBeCreatedOnlyWarnsWithoutFailFast() {
        runner.withUserConfiguration(DeclaredTopic.class)
                .withPropertyValues("kafkaex.admin.operation-timeout=500ms")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(NewTopic.class));
    }

    @SuppressWarnings("unchecked")
    private static KafkaExTemplate<Object, Object> template(ApplicationContext context) {
        return context.getBean(KafkaExTemplate.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class DeclaredTopic {

        @Bean
        NewTopic declaredOrders() {
            return NewTopic.of("declared-orders").withPartitions(3);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        @Bean(destroyMethod = "close")
        KafkaExProducer userProducer() {
            return KafkaExProducer.create(ProducerOptions.builder(
                    KafkaExClientOptions.builder().bootstrapServers("127.0.0.1:1").build()).build());
        }

        @Bean
        KafkaExTemplate<String, String> userTemplate(KafkaExProducer userProducer) {
            return new KafkaExTemplate<>(userProducer, new StringSerializer(), new StringSerializer());
        }

        @Bean
        KafkaExAdmin userAdmin(KafkaExClient client) {
            return new KafkaExAdmin(client, Duration.ofSeconds(1));
        }

        @Bean(KafkaExTemplateConfiguration.VALUE_SERIALIZER)
        StringSerializer userValueSerializer() {
            return new StringSerializer();
        }
    }
}
