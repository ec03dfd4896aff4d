package io.kafkaex.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.spring.annotation.KafkaExHandler;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.core.KafkaExAdmin;
import io.kafkaex.spring.core.KafkaExTemplate;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Commit modes RECORD and MANUAL_IMMEDIATE against a real broker, read with {@link KafkaExAdmin} while the context
 * runs: each record's offset is committed before the next record is processed (RECORD), and as soon as
 * {@code acknowledge()} returns (MANUAL_IMMEDIATE); and a class-level listener whose two {@code @KafkaExHandler}
 * methods get the JSON records by their type header.
 */
@KafkaExBroker
class ListenerCommitModesIT {

    private static final String P = "ListenerCommitModesIT-";
    private static final int RECORDS = 3;
    private static ApplicationContextRunner runner;

    @BeforeAll
    static void topics(KafkaTestCluster cluster) {
        for (String topic : List.of("record", "manual-immediate", "handlers")) {
            cluster.createTopic(P + topic, 1, 1);
        }
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withUserConfiguration(KafkaExListenerIT.Common.class)
                .withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(),
                        "kafkaex.consumer.json-trusted-packages=io.kafkaex.spring.listener",
                        // no commit at a threshold or interval: what is committed, the commit mode committed
                        "kafkaex.consumer.commit-interval=1h", "kafkaex.consumer.commit-threshold=100000");
    }

    @Test
    void recordModeCommitsEachRecordBeforeTheNextOneIsProcessed() {
        runner.withUserConfiguration(RecordMode.class).run(context -> {
            RecordMode listener = context.getBean(RecordMode.class);
            sendThenStart(context, "record", "r-");

            await().atMost(Duration.ofSeconds(60)).until(() -> listener.committedWhenProcessing.size() == RECORDS);
            listener.committedWhenProcessing.forEach((offset, committed) -> {
                if (offset > 0) {
                    assertThat(committed).as("committed when offset %d was processed", offset).isEqualTo(offset);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> committed(context, "record") == RECORDS);
        });
    }

    @Test
    void manualImmediateModeHasCommittedTheRecordWhenAcknowledgeReturns() {
        runner.withUserConfiguration(ManualImmediateMode.class).run(context -> {
            ManualImmediateMode listener = context.getBean(ManualImmediateMode.class);
            sendThenStart(context, "manual-immediate", "m-");

            await().atMost(Duration.ofSeconds(60)).until(() -> listener.committedAfterAcknowledge.size() == RECORDS);
            listener.committedAfterAcknowledge.forEach((offset, committed) ->
                    assertThat(committed).as("committed after acknowledging offset %d", offset).isEqualTo(offset + 1));
            assertThat(committed(context, "manual-immediate")).isEqualTo(RECORDS);
        });
    }

    @Test
    void aClassLevelListenerRoutesEachJsonRecordToTheHandlerOfItsType() {
        runner.withUserConfiguration(Payments.class).run(context -> {
            Payments payments = context.getBean(Payments.class);
            template(context).send(P + "handlers", new Charge("c-1", 500)).join();
            template(context).send(P + "handlers", new Refund("c-1", "damaged")).join();
            template(context).send(P + "handlers", new Charge("c-2", 70)).join();

            await().atMost(Duration.ofSeconds(60)).until(() -> payments.received.size() == 3);
            assertThat(payments.received).containsExactly("charge c-1 500", "refund c-1 damaged", "charge c-2 70");
        });
    }

    /** Sends the records before the listener starts, so that one fetch (one batch for the core) holds them all. */
    private static void sendThenStart(ApplicationContext context, String listenerId, String valuePrefix) {
        for (int i = 0; i < RECORDS; i++) {
            template(context).send(P + listenerId, valuePrefix + i).join();
        }
        context.getBean(KafkaExListenerEndpointRegistry.class).start(listenerId);
    }

    @SuppressWarnings("unchecked")
    private static KafkaExTemplate<Object, Object> template(ApplicationContext context) {
        return context.getBean(KafkaExTemplate.class);
    }

    private static long committed(ApplicationContext context, String listenerId) {
        return committed(context.getBean(KafkaExAdmin.class), context.getBean(KafkaExListenerEndpointRegistry.class)
                .getListenerContainer(listenerId).orElseThrow().getGroupId(), listenerId);
    }

    private static long committed(KafkaExAdmin admin, String group, String listenerId) {
        return admin.fetchCommittedOffsets(group, P + listenerId, List.of(0)).get(0).offset();
    }

    /** Reads the group's committed offset while each record is processed. */
    @Configuration(proxyBeanMethods = false)
    static class RecordMode {
        final Map<Long, Long> committedWhenProcessing = new ConcurrentHashMap<>();
        private final ObjectProvider<KafkaExAdmin> admin;

        RecordMode(ObjectProvider<KafkaExAdmin> admin) {
            this.admin = admin;
        }

        @KafkaExListener(id = "record", topics = P + "record", groupId = P + "record-group", commitMode = "record",
                autoStartup = "false")
        void listen(ConsumedRecord<String, String> record) {
            committedWhenProcessing.put(record.offset(), committed(admin.getObject(), P + "record-group", "record"));
        }
    }

    /** Reads the group's committed offset right after acknowledging each record. */
    @Configuration(proxyBeanMethods = false)
    static class ManualImmediateMode {
        final Map<Long, Long> committedAfterAcknowledge = new ConcurrentHashMap<>();
        private final ObjectProvider<KafkaExAdmin> admin;

        ManualImmediateMode(ObjectProvider<KafkaExAdmin> admin) {
            this.admin = admin;
        }

        @KafkaExListener(id = "manual-immediate", topics = P + "manual-immediate", groupId = P + "manual-immediate-group",
                commitMode = "manual_immediate", autoStartup = "false")
        void listen(ConsumedRecord<String, String> record, Acknowledgment acknowledgment) {
            acknowledgment.acknowledge();
            committedAfterAcknowledge.put(record.offset(),
                    committed(admin.getObject(), P + "manual-immediate-group", "manual-immediate"));
        }
    }

    /** A charge, sent as JSON with its type header. */
    record Charge(String id, int cents) {
    }

    /** A refund, sent as JSON with its type header. */
    record Refund(String chargeId, String reason) {
    }

    @Configuration(proxyBeanMethods = false)
    @KafkaExListener(id = "handlers", topics = P + "handlers")
    static class Payments {
        final Queue<String> received = new ConcurrentLinkedQueue<>();

        @KafkaExHandler
        void charge(Charge charge) {
            received.add("charge " + charge.id() + " " + charge.cents());
        }

        @KafkaExHandler
        void refund(Refund refund) {
            received.add("refund " + refund.chargeId() + " " + refund.reason());
        }
    }
}
