package io.kafkaex.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.RetriableKafkaErrorException;
import io.kafkaex.protocol.message.FindCoordinatorRequest;
import io.kafkaex.protocol.message.FindCoordinatorResponse;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoordinatorLookupTest {

    @Test
    void requestShapeFollowsTheVersion() {
        assertThat(CoordinatorLookup.request(CoordinatorType.GROUP, "g", (short) 0))
                .isEqualTo(new FindCoordinatorRequest().setKey("g"));
        assertThat(CoordinatorLookup.request(CoordinatorType.TRANSACTION, "tx", (short) 3))
                .isEqualTo(new FindCoordinatorRequest().setKey("tx").setKeyType((byte) 1));
        assertThat(CoordinatorLookup.request(CoordinatorType.GROUP, "g", (short) 4))
                .isEqualTo(new FindCoordinatorRequest().setKeyType((byte) 0).setCoordinatorKeys(List.of("g")));
    }

    @Test
    void responsesOfBothShapesGiveTheNodeOrATypedError() {
        assertThat(CoordinatorLookup.found(new FindCoordinatorResponse().setNodeId(2).setHost("h").setPort(9), "g", (short) 3))
                .isEqualTo(new Node(2, "h", 9, null));
        FindCoordinatorResponse batched = new FindCoordinatorResponse().setCoordinators(List.of(
                new FindCoordinatorResponse.Coordinator().setKey("other").setNodeId(1).setHost("x").setPort(1),
                new FindCoordinatorResponse.Coordinator().setKey("g").setErrorCode(KafkaError.COORDINATOR_NOT_AVAILABLE.code())));
        assertThatThrownBy(() -> CoordinatorLookup.found(batched, "g", (short) 4))
                .isInstanceOf(RetriableKafkaErrorException.class).hasMessageContaining("COORDINATOR_NOT_AVAILABLE")
                .hasMessageContaining("'g'");
    }
}
