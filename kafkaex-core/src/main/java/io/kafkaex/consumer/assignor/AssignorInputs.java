package io.kafkaex.consumer.assignor;

import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.MemberAssignment;
import io.kafkaex.client.PartitionAssignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the assignors share on their way in and out: the member order the Java assignors use, the subscribed
 * topics that have partitions, and the conversion of an assignment to the SPI's result. Stateless; any thread.
 */
final class AssignorInputs {

    /**
     * The Java assignors' member order: static members first, by group instance id; then dynamic members, by
     * member id.
     */
    static final Comparator<JoinGroupMember> MEMBER_ORDER = (a, b) -> {
        if (a.groupInstanceId() != null && b.groupInstanceId() != null) {
            return a.groupInstanceId().compareTo(b.groupInstanceId());
        }
        if (a.groupInstanceId() != null || b.groupInstanceId() != null) {
            return a.groupInstanceId() != null ? -1 : 1;
        }
        return a.memberId().compareTo(b.memberId());
    };

    private AssignorInputs() {
    }

    /** The members in {@link #MEMBER_ORDER}. */
    static List<JoinGroupMember> sorted(Collection<JoinGroupMember> members) {
        List<JoinGroupMember> sorted = new ArrayList<>(members);
        sorted.sort(MEMBER_ORDER);
        return sorted;
    }

    /**
     * The topics some member subscribes to that have at least one partition in {@code partitionsPerTopic}, with
     * their partition counts, by topic name: what the Java leader hands its assignor.
     */
    static SortedMap<String, Integer> subscribedTopics(Map<String, Integer> partitionsPerTopic, List<JoinGroupMember> members) {
        SortedMap<String, Integer> topics = new TreeMap<>();
        for (JoinGroupMember member : members) {
            for (String topic : member.subscription().topics()) {
                Integer partitions = partitionsPerTopic.get(topic);
                if (partitions != null && partitions > 0) {
                    topics.put(topic, partitions);
                }
            }
        }
        return topics;
    }

    /**
     * The SPI's result: an entry for every member in the order of {@code members}, its partitions grouped per topic
     * by topic name and ascending; an empty assignment for a member {@code assigned} has nothing for.
     */
    static Map<String, MemberAssignment> result(List<JoinGroupMember> members,
            Map<String, List<PartitionKey>> assigned) {
        Map<String, MemberAssignment> result = new LinkedHashMap<>();
        for (JoinGroupMember member : members) {
            SortedMap<String, TreeSet<Integer>> perTopic = new TreeMap<>();
            for (PartitionKey partition : assigned.getOrDefault(member.memberId(), List.of())) {
                perTopic.computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(partition.partition());
            }
            List<PartitionAssignment> partitions = new ArrayList<>();
            perTopic.forEach((topic, numbers) -> partitions.add(new PartitionAssignment(topic, List.copyOf(numbers))));
            result.put(member.memberId(), MemberAssignment.of(partitions));
        }
        return result;
    }
}
