package io.kafkaex.consumer;

import static io.kafkaex.consumer.FetchSessionTest.wanted;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.message.FetchRequest;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FetchRequestsTest {

    private static final TopicPartition A0 = new TopicPartition("a", 0);
    private static final TopicPartition A1 = new TopicPartition("a", 1);
    private static final UUID A_ID = UUID.randomUUID();
    private static final FetcherOptions OPTIONS = FetcherOptions.defaults().withReadCommitted(true);

    @Test
    void anIncrementalRequestCarriesTheSessionTheChangedPartitionsAndTheForgottenOnes() {
        FetchSession session = new FetchSession();
        session.next(wanted(A0, 5, A1, 7));
        session.answered(42);
        FetchSession.Plan plan = session.next(wanted(A0, 9));

        FetchRequest byName = FetchRequests.build(plan, OPTIONS, Map.of("a", A_ID), (short) 12);
        assertThat(byName.sessionId()).isEqualTo(42);
        assertThat(byName.sessionEpoch()).isEqualTo(1);
        assertThat(byName.topics()).singleElement().satisfies(topic -> {
            assertThat(topic.topic()).isEqualTo("a");
            assertThat(topic.partitions()).singleElement().satisfies(partition -> {
                assertThat(partition.partition()).isZero();
                assertThat(partition.fetchOffset()).isEqualTo(9);
                assertThat(partition.partitionMaxBytes()).isEqualTo(1024);
            });
        });
        assertThat(byName.forgottenTopicsData()).singleElement().satisfies(forgotten -> {
            assertThat(forgotten.topic()).isEqualTo("a");
            assertThat(forgotten.partitions()).containsExactly(1);
        });
        assertThat(byName.isolationLevel()).isEqualTo((byte) 1);
        assertThat(byName.maxWaitMs()).isEqualTo(500);

        FetchRequest byId = FetchRequests.build(plan, OPTIONS, Map.of("a", A_ID), (short) 13);
        assertThat(byId.topics()).singleElement().satisfies(topic -> assertThat(topic.topicId()).isEqualTo(A_ID));
        assertThat(byId.forgottenTopicsData()).singleElement().satisfies(forgotten -> assertThat(forgotten.topicId()).isEqualTo(A_ID));
    }

    @Test
    void aFullRequestListsEveryPartitionAndForgetsNothing() {
        FetchRequest request = FetchRequests.build(new FetchSession().next(wanted(A0, 5, A1, 7)), OPTIONS, Map.of(), (short) 12);

        assertThat(request.sessionId()).isZero();
        assertThat(request.sessionEpoch()).isZero();
        assertThat(request.topics()).singleElement()
                .satisfies(topic -> assertThat(topic.partitions()).extracting(FetchRequest.FetchPartition::fetchOffset)
                        .containsExactly(5L, 7L));
        assertThat(request.forgottenTopicsData()).isEmpty();
    }

    @Test
    void beforeVersion7EveryRequestListsEveryPartitionAndHasNoSession() {
        FetchSession session = new FetchSession();
        session.next(wanted(A0, 5, A1, 7));
        session.answered(42); // cannot happen before v7, but the request must not depend on it
        FetchRequest request = FetchRequests.build(session.next(wanted(A0, 9, A1, 7)), OPTIONS, Map.of(), (short) 6);

        assertThat(request.sessionEpoch()).as("left at its default, not written").isEqualTo(-1);
        assertThat(request.topics()).singleElement()
                .satisfies(topic -> assertThat(topic.partitions()).extracting(FetchRequest.FetchPartition::fetchOffset)
                        .containsExactly(9L, 7L));
        assertThat(request.forgottenTopicsData()).isEmpty();
    }
}
