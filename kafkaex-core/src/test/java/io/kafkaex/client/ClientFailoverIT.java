package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.cluster.Node;
import io.kafkaex.network.BrokerConnectionException;
import io.kafkaex.network.RequestTimeoutException;
import io.kafkaex.protocol.error.RetriableKafkaErrorException;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExCluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The client through the SIGKILL of a partition leader on a three-node cluster (replication factor 3,
 * min.insync.replicas 2): a producer keeps producing one record after another while the leader dies; once
 * metadata shows the new leader its produce calls succeed again, a client that last saw the old leader
 * fetches every acknowledged record, and every failure a caller saw meanwhile is one of the documented
 * retriable errors.
 */
@KafkaExCluster(brokers = 3)
class ClientFailoverIT {

    private static final String TOPIC = "client-failover";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int ACKS_BEFORE_AND_AFTER = 20;

    @Test
    void produceAndFetchGoOnAfterTheLeaderIsKilledAndCallersSeeOnlyRetriableErrors(KafkaTestCluster cluster) throws Exception {
        cluster.createTopic(TOPIC, 1, 3, Map.of("min.insync.replicas", "2"));
        try (KafkaExClient producer = client(cluster, "failover-producer");
                KafkaExClient reader = client(cluster, "failover-reader");
                ProducingLoop loop = new ProducingLoop(producer)) {
            awaitCondition("acknowledgements before the kill", () -> loop.acknowledged().size() >= ACKS_BEFORE_AND_AFTER);
            assertThat(reader.fetchSync(TOPIC, 0, 0, FetchOptions.defaults()).records()).as("reader connected to the leader")
                    .isNotEmpty();
            int leader = leaderSeenBy(reader);

            cluster.killBroker(leader);
            int acknowledgedAtKill = loop.acknowledged().size();
            awaitCondition("acknowledgements by the new leader", () -> loop.acknowledged().size()
                    >= acknowledgedAtKill + ACKS_BEFORE_AND_AFTER);
            loop.close();

            assertThat(loop.failures()).as("what callers saw during the failover").allSatisfy(failure -> assertThat(failure)
                    .isInstanceOfAny(RetriableKafkaErrorException.class, BrokerConnectionException.class, RequestTimeoutException.class));
            assertThat(leaderSeenBy(producer)).as("leader in the producer's refreshed metadata").isNotEqualTo(leader);
            awaitNewLeaderOnEverySurvivor(cluster, leader);

            Map<Long, String> stored = PartitionContents.valuesByOffset(reader, TOPIC, 0);
            assertThat(leaderSeenBy(reader)).as("leader in the reader's refreshed metadata").isNotEqualTo(leader);
            assertThat(stored).as("every acknowledged record at its offset").containsAllEntriesOf(loop.acknowledgedByOffset());
            assertThat(stored.values()).as("nothing written twice: a produce lost in flight is not retried").doesNotHaveDuplicates()
                    .isSubsetOf(loop.attempted());
        }
    }

    private static int leaderSeenBy(KafkaExClient client) {
        return client.clusterMetadata().leaderFor(TOPIC, 0).map(Node::id).orElse(-1);
    }

    /** Each surviving broker learns of the new leader on its own schedule; the reader may ask any of them. */
    private static void awaitNewLeaderOnEverySurvivor(KafkaTestCluster cluster, int killed) {
        for (int id : cluster.brokerIds()) {
            if (id != killed) {
                awaitCondition("broker " + id + " names a new leader", () -> {
                    int named = cluster.metadataFrom(id, TOPIC).partition(TOPIC, 0).orElseThrow().leader();
                    return named >= 0 && named != killed;
                });
            }
        }
    }

    private static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("still waiting for %s after %s", what, PATIENCE).isNegative();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static KafkaExClient client(KafkaTestCluster cluster, String clientId) {
        return KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers())
                .clientId(clientId).requestTimeout(Duration.ofSeconds(10)).build());
    }

    /** Produces "record-0", "record-1", ... one at a time (acks=all) on its own thread and records each outcome. */
    private static final class ProducingLoop implements AutoCloseable {

        private final KafkaExClient client;
        private final Thread thread;
        private final List<String> attempted = new CopyOnWriteArrayList<>();
        private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private volatile boolean stopped;

        ProducingLoop(KafkaExClient client) {
            this.client = client;
            this.thread = new Thread(this::run, "failover-producing-loop");
            this.thread.start();
        }

        List<Acknowledged> acknowledged() {
            return acknowledged;
        }

        Map<Long, String> acknowledgedByOffset() {
            return acknowledged.stream().collect(Collectors.toMap(Acknowledged::offset, Acknowledged::value));
        }

        List<String> attempted() {
            return attempted;
        }

        List<Throwable> failures() {
            return failures;
        }

        /** Stops after the produce in progress and waits for it. */
        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.join(PATIENCE.toMillis());
            assertThat(thread.isAlive()).as("producing loop ended").isFalse();
        }

        private void run() {
            for (int i = 0; !stopped; i++) {
                String value = "record-" + i;
                attempted.add(value);
                try {
                    RecordMetadata metadata = client.produceOne(TOPIC, 0, value.getBytes(StandardCharsets.UTF_8))
                            .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                    acknowledged.add(new Acknowledged(metadata.baseOffset(), value));
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    failures.add(e); // not a documented outcome: the assertion on failures reports it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private record Acknowledged(long offset, String value) {
    }
}
