package io.kafkaex.test.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.test.internal.WireClient;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake broker seen through the harness' own wire client, which shares no code with it. */
class MisbehavingBrokerTest {

    private static final short METADATA = 3;
    private static final short API_VERSIONS = 18;

    @Test
    void answersApiVersionsV0AndThenTheRealRequestWithTheMisbehaviour() throws IOException {
        try (MisbehavingBroker broker = MisbehavingBroker.start(Misbehaviour.WRONG_CORRELATION_ID);
                WireClient client = connect(broker)) {
            Map<Short, short[]> versions = client.apiVersions();

            assertThat(versions).hasSize(100);
            assertThat(versions.get(METADATA)).containsExactly(0, Short.MAX_VALUE);
            assertThat(versions.get(API_VERSIONS)).containsExactly(0, 0);
            assertThatThrownBy(() -> client.metadata(List.of())).isInstanceOf(IOException.class)
                    .hasMessage("Response correlation id 2 does not match request 1");
            assertThat(broker.receivedApiKeys()).containsExactly(API_VERSIONS, METADATA);
        }
    }

    @Test
    void oversizedFrameAnnouncesMoreThanAnyClientAccepts() throws IOException {
        try (MisbehavingBroker broker = MisbehavingBroker.start(Misbehaviour.OVERSIZED_FRAME);
                WireClient client = connect(broker)) {
            client.apiVersions();
            assertThatThrownBy(() -> client.metadata(List.of())).hasMessage("Broker sent a response frame of 2147483647 bytes");
        }
    }

    @Test
    void withoutApiVersionsAnswerEvenTheFirstRequestMeetsTheMisbehaviour() throws IOException {
        try (MisbehavingBroker broker = MisbehavingBroker.builder(Misbehaviour.HALF_FRAME_THEN_CLOSE).answerApiVersions(false).start();
                WireClient client = connect(broker)) {
            assertThatThrownBy(client::apiVersions).isInstanceOf(IOException.class);
            assertThat(broker.receivedApiKeys()).containsExactly(API_VERSIONS);
        }
    }

    @Test
    void closeOnAcceptReadsNothing() throws IOException {
        try (MisbehavingBroker broker = MisbehavingBroker.start(Misbehaviour.CLOSE_ON_ACCEPT);
                WireClient client = connect(broker)) {
            assertThatThrownBy(client::apiVersions).isInstanceOf(IOException.class);
            assertThat(broker.receivedApiKeys()).isEmpty();
            assertThat(broker.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void closeEndsEveryConnectionAndThread() throws IOException {
        MisbehavingBroker broker = MisbehavingBroker.start(Misbehaviour.NEVER_ANSWER);
        try (WireClient first = connect(broker); WireClient second = connect(broker)) {
            first.apiVersions();
            second.apiVersions();
            assertThat(brokerThreads(broker)).as("acceptor and two connections").isEqualTo(3);

            broker.close();

            assertThat(brokerThreads(broker)).isZero();
            assertThatThrownBy(first::apiVersions).as("connection closed by the broker").isInstanceOf(IOException.class);
        }
    }

    private static WireClient connect(MisbehavingBroker broker) throws IOException {
        return WireClient.connect("127.0.0.1", broker.address().getPort(), null, 5_000);
    }

    private static long brokerThreads(MisbehavingBroker broker) {
        String prefix = MisbehavingBroker.THREAD_NAME_PREFIX + broker.address().getPort() + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }
}
