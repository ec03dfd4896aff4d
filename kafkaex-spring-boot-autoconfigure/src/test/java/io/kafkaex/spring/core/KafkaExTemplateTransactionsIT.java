package io.kafkaex.spring.core;

import static io.kafkaex.spring.core.KafkaExTemplateIT.client;
import static io.kafkaex.spring.core.KafkaExTemplateIT.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A template with kafkaex.producer.transaction-id-prefix against a real broker. */
@KafkaExBroker
class KafkaExTemplateTransactionsIT {

    private static final String TOPIC = "KafkaExTemplateTransactionsIT";

    private static ApplicationContextRunner runner;

    @BeforeAll
    static void createTopics(KafkaTestCluster cluster) {
        cluster.createTopic(TOPIC + "-commit-abort", 1, 1);
        cluster.createTopic(TOPIC + "-concurrent", 1, 1);
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(),
                        "kafkaex.producer.transaction-id-prefix=" + TOPIC + "-tx-");
    }

    @Test
    void committedTransactionsAreVisibleToReadCommittedAndAbortedOnesAreNot() {
        runner.run(context -> {
            String topic = TOPIC + "-commit-abort";
            KafkaExTemplate<Object, Object> template = template(context);

            String returned = template.executeInTransaction(operations -> {
                operations.send(topic, "committed-1");
                operations.send(topic, "committed-2");
                return "done";
            });
            IllegalStateException failure = new IllegalStateException("the callback failed");
            assertThatThrownBy(() -> template.executeInTransaction(operations -> {
                operations.send(topic, "aborted");
                operations.flush(); // the record reaches the log, so only the abort marker hides it
                throw failure;
            })).isSameAs(failure);
            template.executeInTransaction(operations -> operations.send(topic, "committed-3"));

            assertThat(returned).isEqualTo("done");
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    values(BrokerRecords.fetch(client(context), topic, 0, true)))
                    .containsExactly("committed-1", "committed-2", "committed-3"));
            assertThat(values(BrokerRecords.fetch(client(context), topic, 0, false))).contains("aborted");
        });
    }

    @Test
    void concurrentTransactionsRunOnTheirOwnProducers() {
        runner.run(context -> {
            String topic = TOPIC + "-concurrent";
            KafkaExTemplate<Object, Object> template = template(context);
            CountDownLatch firstInside = new CountDownLatch(1);
            CountDownLatch secondDone = new CountDownLatch(1);

            CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> template.executeInTransaction(operations -> {
                operations.send(topic, "first");
                firstInside.countDown();
                await(secondDone);
                return null;
            }));
            await(firstInside);
            template.executeInTransaction(operations -> operations.send(topic, "second"));
            secondDone.countDown();
            first.join();

            assertThat(context.getBean(TransactionalProducerPool.class).size()).isEqualTo(2);
            // the coordinator writes the commit markers after answering EndTxn, so read_committed catches up shortly
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    values(BrokerRecords.fetch(client(context), topic, 0, true))).containsExactlyInAnyOrder("first", "second"));
        });
    }

    private static List<String> values(List<Record> records) {
        return records.stream().map(record -> BrokerRecords.text(record.value())).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
