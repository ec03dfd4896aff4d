package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NetworkClientTimerTest {

    @Test
    void timersRunOnTheEventLoopInDueOrderAndAFailingOneDoesNotStopIt() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (NetworkClient client = new NetworkClient(NetworkOptions.defaults("timers"))) {
            client.schedule(Duration.ofMillis(200), () -> {
                ran.add("late on " + Thread.currentThread().getName());
                done.countDown();
            });
            client.schedule(Duration.ofMillis(50), () -> {
                throw new IllegalStateException("a broken task");
            });
            client.schedule(Duration.ofMillis(100), () -> ran.add("early"));

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(client.isRunning()).isTrue();
        }
        assertThat(ran).containsExactly("early", "late on kafkaex-network-timers");
    }

    @Test
    void timersDoNotRunAfterClose() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        NetworkClient client = new NetworkClient(NetworkOptions.defaults("timers-closed"));
        client.schedule(Duration.ofMillis(300), () -> ran.add("ran"));
        client.close();
        Thread.sleep(500);
        assertThat(ran).isEmpty();
    }

    @Test
    void whatSomeoneWaitsOnEndsWhenTheClientCloses() {
        NetworkClient client = new NetworkClient(NetworkOptions.defaults("timers-waited"));
        CompletableFuture<Void> backoff = client.delay(Duration.ofMinutes(5));
        CompletableFuture<Void> elapsed = client.delay(Duration.ZERO);
        assertThat(elapsed).succeedsWithin(Duration.ofSeconds(10));
        assertThat(client.onLoop(() -> CompletableFuture.completedFuture(Thread.currentThread().getName())))
                .succeedsWithin(Duration.ofSeconds(10)).isEqualTo("kafkaex-network-timers-waited");

        client.close();

        assertThat(backoff).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingCause()
                .isInstanceOf(ClientClosedException.class).withMessageContaining("timers-waited");
        assertThat(client.delay(Duration.ZERO)).as("asked after close").isCompletedExceptionally();
        assertThat(client.onLoop(() -> CompletableFuture.completedFuture("never"))).isCompletedExceptionally();
    }
}
