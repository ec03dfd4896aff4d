package io.kafkaex.consumer.assignor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PartitionAssignorsTest {

    @Test
    void defaultsAreRangeThenCooperativeStickyAsInTheJavaConsumer() {
        assertThat(PartitionAssignors.defaults()).extracting(PartitionAssignor::name)
                .containsExactly("range", "cooperative-sticky");
    }

    @Test
    void findsEveryAssignorByName() {
        assertThat(PartitionAssignors.byName("range")).isInstanceOf(RangeAssignor.class);
        assertThat(PartitionAssignors.byName("roundrobin")).isInstanceOf(RoundRobinAssignor.class);
        assertThat(PartitionAssignors.byName("cooperative-sticky")).isInstanceOf(CooperativeStickyAssignor.class);
    }

    @Test
    void anUnknownNameFailsListingTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> PartitionAssignors.byName("sticky"))
                .withMessage("Unknown partition assignor 'sticky'; known: range, roundrobin, cooperative-sticky");
    }
}
