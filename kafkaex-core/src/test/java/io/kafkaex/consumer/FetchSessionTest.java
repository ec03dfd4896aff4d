package io.kafkaex.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.FetchSession.PartitionRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchSessionTest {

    private static final TopicPartition A0 = new TopicPartition("a", 0);
    private static final TopicPartition A1 = new TopicPartition("a", 1);
    private static final TopicPartition B0 = new TopicPartition("b", 0);

    private final FetchSession session = new FetchSession();

    @Test
    void theFirstRequestIsFullAndListsEveryPartition() {
        FetchSession.Plan plan = session.next(wanted(A0, 5, A1, 7));

        assertThat(plan.isFull()).isTrue();
        assertThat(plan.sessionId()).isZero();
        assertThat(plan.epoch()).isZero();
        assertThat(plan.listed()).containsOnlyKeys(A0, A1);
        assertThat(plan.forgotten()).isEmpty();
    }

    @Test
    void onceTheBrokerNamesASessionRequestsListOnlyNewAndMovedPartitions() {
        session.next(wanted(A0, 5, A1, 7));
        session.answered(42);

        FetchSession.Plan plan = session.next(wanted(A0, 9, A1, 7, B0, 0));

        assertThat(plan.isFull()).isFalse();
        assertThat(plan.sessionId()).isEqualTo(42);
        assertThat(plan.epoch()).isEqualTo(1);
        assertThat(plan.listed()).containsOnlyKeys(A0, B0);
        assertThat(plan.listed().get(A0).fetchOffset()).isEqualTo(9);
        assertThat(plan.fetched()).containsOnlyKeys(A0, A1, B0);
        assertThat(plan.forgotten()).isEmpty();

        session.answered(42);
        FetchSession.Plan unchanged = session.next(wanted(A0, 9, A1, 7, B0, 0));
        assertThat(unchanged.epoch()).isEqualTo(2);
        assertThat(unchanged.listed()).as("the broker keeps fetching them at their last listed offsets").isEmpty();
    }

    @Test
    void afterARestartTheNextRequestIsFullAndListsEvenUnchangedPartitions() {
        session.next(wanted(A0, 5, A1, 7));
        session.answered(42);
        session.next(wanted(A0, 5, A1, 7));

        session.restart();
        session.answered(42); // the request in flight when the restart was asked for
        FetchSession.Plan plan = session.next(wanted(A0, 5, A1, 7));

        assertThat(plan.isFull()).as("a partition given back at the offset the session holds is answered for").isTrue();
        assertThat(plan.sessionId()).isEqualTo(42);
        assertThat(plan.listed()).containsOnlyKeys(A0, A1);
        session.answered(43);
        assertThat(session.next(wanted(A0, 5, A1, 7)).epoch()).as("incremental again afterwards").isEqualTo(1);
    }

    @Test
    void partitionsNotWantedAnyMoreAreForgottenAndListedAgainWhenTheyComeBack() {
        session.next(wanted(A0, 5, A1, 7));
        session.answered(42);

        FetchSession.Plan withoutA1 = session.next(wanted(A0, 5));
        assertThat(withoutA1.listed()).isEmpty();
        assertThat(withoutA1.forgotten()).containsExactly(A1);
        session.answered(42);

        FetchSession.Plan back = session.next(wanted(A0, 5, A1, 7));
        assertThat(back.listed()).containsOnlyKeys(A1);
        assertThat(back.forgotten()).isEmpty();
    }

    @Test
    void aChangedByteLimitIsListedAgain() {
        session.next(Map.of(A0, new PartitionRequest(5, 100)));
        session.answered(42);

        assertThat(session.next(Map.of(A0, new PartitionRequest(5, 200))).listed()).containsOnlyKeys(A0);
    }

    @Test
    void afterAnErrorTheNextRequestIsFullAndReplacesTheOldSession() {
        session.next(wanted(A0, 5, A1, 7));
        session.answered(42);
        session.next(wanted(A0, 6));
        session.reset();

        FetchSession.Plan plan = session.next(wanted(A0, 6));

        assertThat(plan.isFull()).isTrue();
        assertThat(plan.sessionId()).as("closes the old session while it opens a new one").isEqualTo(42);
        assertThat(plan.listed()).containsOnlyKeys(A0);
        assertThat(plan.forgotten()).isEmpty();
        session.answered(43);
        assertThat(session.next(wanted(A0, 6)).sessionId()).isEqualTo(43);
    }

    @Test
    void aBrokerWithoutSessionsGetsFullRequestsEveryTime() {
        session.next(wanted(A0, 5));
        session.answered(FetchSession.NO_SESSION);

        FetchSession.Plan plan = session.next(wanted(A0, 8));

        assertThat(plan.isFull()).isTrue();
        assertThat(plan.sessionId()).isZero();
        assertThat(plan.listed()).containsOnlyKeys(A0);
    }

    static Map<TopicPartition, PartitionRequest> wanted(Object... partitionsAndOffsets) {
        Map<TopicPartition, PartitionRequest> wanted = new LinkedHashMap<>();
        for (int i = 0; i < partitionsAndOffsets.length; i += 2) {
            wanted.put((TopicPartition) partitionsAndOffsets[i],
                    new PartitionRequest(((Number) partitionsAndOffsets[i + 1]).longValue(), 1024));
        }
        return wanted;
    }
}
