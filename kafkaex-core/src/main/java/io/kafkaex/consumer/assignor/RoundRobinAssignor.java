package io.kafkaex.consumer.assignor;

import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.MemberAssignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The {@code roundrobin} assignor, assigning as the Java consumer's {@code RoundRobinAssignor} does: every
 * partition of every subscribed topic, topics by name and partitions ascending, is dealt in turn to the members in
 * the Java member order (static members by group instance id, then dynamic ones by member id), a member that does
 * not subscribe to the partition's topic being passed over without losing its turn for later partitions.
 * Stateless; any thread.
 */
public final class RoundRobinAssignor implements PartitionAssignor {

    /** The protocol name, as the Java consumer offers it. */
    public static final String NAME = "roundrobin";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, MemberAssignment> assign(Map<String, Integer> partitionsPerTopic, List<JoinGroupMember> members) {
        SortedMap<String, Integer> topics = AssignorInputs.subscribedTopics(partitionsPerTopic, members);
        List<JoinGroupMember> ordered = AssignorInputs.sorted(members);
        Map<String, List<PartitionKey>> assigned = new HashMap<>();
        int turn = 0;
        for (Map.Entry<String, Integer> topic : topics.entrySet()) {
            for (int partition = 0; partition < topic.getValue(); partition++) {
                while (!ordered.get(turn).subscription().topics().contains(topic.getKey())) {
                    turn = (turn + 1) % ordered.size();
                }
                assigned.computeIfAbsent(ordered.get(turn).memberId(), id -> new ArrayList<>())
                        .add(new PartitionKey(topic.getKey(), partition));
                turn = (turn + 1) % ordered.size();
            }
        }
        return AssignorInputs.result(members, assigned);
    }
}
