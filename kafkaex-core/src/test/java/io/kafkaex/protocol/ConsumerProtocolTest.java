package io.kafkaex.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.message.ConsumerProtocolAssignment;
import io.kafkaex.protocol.message.ConsumerProtocolSubscription;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The consumer protocol payloads against the Java consumer's own {@code ConsumerProtocol} (test oracle). */
class ConsumerProtocolTest {

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3})
    void javaConsumerReadsOurSubscription(short version) {
        ConsumerProtocolSubscription ours = new ConsumerProtocolSubscription()
                .setTopics(List.of("orders", "payments"))
                .setUserData(ByteBuffer.wrap("meta".getBytes(StandardCharsets.UTF_8)))
                .setOwnedPartitions(List.of(new ConsumerProtocolSubscription.TopicPartition()
                        .setTopic("orders").setPartitions(List.of(0, 2))))
                .setGenerationId(7)
                .setRackId("rack-a");

        ConsumerPartitionAssignor.Subscription java = org.apache.kafka.clients.consumer.internals.ConsumerProtocol
                .deserializeSubscription(ConsumerProtocol.serializeSubscription(ours, version));

        assertThat(java.topics()).containsExactly("orders", "payments");
        assertThat(StandardCharsets.UTF_8.decode(java.userData()).toString()).isEqualTo("meta");
        if (version >= 1) {
            assertThat(java.ownedPartitions()).containsExactly(new TopicPartition("orders", 0), new TopicPartition("orders", 2));
        }
        if (version >= 2) {
            assertThat(java.generationId()).contains(7);
        }
        if (version >= 3) {
            assertThat(java.rackId()).contains("rack-a");
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3})
    void weReadTheJavaConsumersSubscription(short version) {
        ConsumerPartitionAssignor.Subscription java = new ConsumerPartitionAssignor.Subscription(List.of("t"),
                ByteBuffer.wrap(new byte[] {1, 2}), List.of(new TopicPartition("t", 3)), 4, Optional.of("r"));

        ConsumerProtocolSubscription ours = ConsumerProtocol.deserializeSubscription(
                org.apache.kafka.clients.consumer.internals.ConsumerProtocol.serializeSubscription(java, version));

        assertThat(ours.topics()).containsExactly("t");
        assertThat(ours.userData()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
        assertThat(ours.ownedPartitions()).hasSize(version >= 1 ? 1 : 0);
        assertThat(ours.generationId()).isEqualTo(version >= 2 ? 4 : -1);
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3})
    void assignmentsTravelBothWays(short version) {
        ConsumerProtocolAssignment ours = new ConsumerProtocolAssignment().setAssignedPartitions(List.of(
                new ConsumerProtocolAssignment.TopicPartition().setTopic("orders").setPartitions(List.of(1, 5))));

        ConsumerPartitionAssignor.Assignment java = org.apache.kafka.clients.consumer.internals.ConsumerProtocol
                .deserializeAssignment(ConsumerProtocol.serializeAssignment(ours, version));
        assertThat(java.partitions()).containsExactly(new TopicPartition("orders", 1), new TopicPartition("orders", 5));

        ByteBuffer javaBytes = org.apache.kafka.clients.consumer.internals.ConsumerProtocol.serializeAssignment(java, version);
        assertThat(ConsumerProtocol.deserializeAssignment(javaBytes).assignedPartitions()).isEqualTo(ours.assignedPartitions());
    }

    @Test
    void newerVersionsAreReadAsOurHighestAndEmptyAssignmentsAreEmpty() {
        ByteBuffer v3 = ConsumerProtocol.serializeSubscription(new ConsumerProtocolSubscription().setTopics(List.of("x")), (short) 3);
        v3.putShort(0, (short) 9);
        assertThat(ConsumerProtocol.deserializeSubscription(v3).topics()).containsExactly("x");

        assertThat(ConsumerProtocol.deserializeAssignment(ByteBuffer.allocate(0)).assignedPartitions()).isEmpty();
        assertThatThrownBy(() -> ConsumerProtocol.deserializeSubscription(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff})))
                .isInstanceOf(ProtocolException.class);
    }
}
