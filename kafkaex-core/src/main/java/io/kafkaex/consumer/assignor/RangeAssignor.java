package io.kafkaex.consumer.assignor;

import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.MemberAssignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code range} assignor, assigning as the Java consumer's {@code RangeAssignor} does: each topic on its own,
 * its subscribers in the Java member order (static members by group instance id, then dynamic ones by member id),
 * each taking a contiguous range of partitions; when the partitions do not divide evenly, the first subscribers
 * take one more. Co-subscribed topics therefore line up partition for partition.
 *
 * <p>Not rack-aware: the Java assignor aligns members' racks with partition replica racks only when the metadata
 * names the racks of the replicas, which this SPI does not receive. It assigns as here whenever no member sends a
 * rack id or the brokers advertise no racks. Stateless; any thread.
 */
public final class RangeAssignor implements PartitionAssignor {

    /** The protocol name, as the Java consumer offers it. */
    public static final String NAME = "range";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, MemberAssignment> assign(Map<String, Integer> partitionsPerTopic, List<JoinGroupMember> members) {
        List<JoinGroupMember> ordered = AssignorInputs.sorted(members);
        Map<String, List<PartitionKey>> assigned = new HashMap<>();
        AssignorInputs.subscribedTopics(partitionsPerTopic, members).forEach((topic, partitions) -> {
            List<JoinGroupMember> subscribers = ordered.stream()
                    .filter(member -> member.subscription().topics().contains(topic)).toList();
            int perMember = partitions / subscribers.size();
            int withExtra = partitions % subscribers.size();
            int next = 0;
            for (int i = 0; i < subscribers.size(); i++) {
                int count = perMember + (i < withExtra ? 1 : 0);
                List<PartitionKey> range = assigned.computeIfAbsent(subscribers.get(i).memberId(), id -> new ArrayList<>());
                for (int partition = next; partition < next + count; partition++) {
                    range.add(new PartitionKey(topic, partition));
                }
                next += count;
            }
        });
        return AssignorInputs.result(members, assigned);
    }
}
