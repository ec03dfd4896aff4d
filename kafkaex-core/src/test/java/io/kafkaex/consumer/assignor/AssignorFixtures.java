package io.kafkaex.consumer.assignor;

import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.MemberAssignment;
import io.kafkaex.client.MemberSubscription;
import io.kafkaex.client.PartitionAssignment;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Builds group members and random assignment inputs for the assignor tests. Test threads. */
final class AssignorFixtures {

    private AssignorFixtures() {
    }

    /** A dynamic member subscribing to {@code topics}, owning nothing. */
    static JoinGroupMember member(String memberId, String... topics) {
        return member(memberId, null, List.of(topics), List.of(), -1);
    }

    static JoinGroupMember member(String memberId, String groupInstanceId, List<String> topics,
            List<PartitionAssignment> owned, int generation) {
        return new JoinGroupMember(memberId, groupInstanceId, ByteBuffer.allocate(0),
                new MemberSubscription(topics, null, owned, generation, null));
    }

    /** One random group: topics and their partition counts, and members with subscriptions. */
    record Case(Map<String, Integer> partitionsPerTopic, List<JoinGroupMember> members) {
    }

    /**
     * A random group of 1–10 members over 1–5 topics of 1–30 partitions (one further subscribed topic sometimes
     * missing from the metadata). With {@code owning}, members claim random partitions from random generations,
     * including partitions other members claim too, some sending the generation in the v2 field and some only in
     * the cooperative-sticky user data.
     */
    static Case randomCase(Random random, boolean owning) {
        int topicCount = 1 + random.nextInt(5);
        Map<String, Integer> partitionsPerTopic = new LinkedHashMap<>();
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < topicCount; i++) {
            String topic = "topic-" + (char) ('a' + random.nextInt(26)) + i;
            topics.add(topic);
            partitionsPerTopic.put(topic, 1 + random.nextInt(30));
        }
        if (random.nextInt(5) == 0) {
            topics.add("missing");
        }
        boolean sameSubscriptions = random.nextBoolean();
        int memberCount = 1 + random.nextInt(10);
        int generation = 1 + random.nextInt(20);
        List<JoinGroupMember> members = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            String memberId = "member-" + Integer.toHexString(random.nextInt(1 << 20)) + "-" + i;
            String instanceId = random.nextInt(4) == 0 ? "instance-" + random.nextInt(1000) + "-" + i : null;
            List<String> subscribed = sameSubscriptions ? topics : randomSubset(random, topics);
            List<PartitionAssignment> owned = owning ? randomOwned(random, partitionsPerTopic) : List.of();
            int memberGeneration = owning ? pick(random, -1, generation - 2, generation - 1, generation, generation) : -1;
            String rack = random.nextInt(3) == 0 ? "rack-" + random.nextInt(3) : null;
            boolean userDataOnly = random.nextInt(4) == 0;
            ByteBuffer userData = memberGeneration >= 0 || random.nextBoolean()
                    ? StickyGenerations.userData(memberGeneration) : null;
            MemberSubscription subscription = new MemberSubscription(subscribed, userData, owned,
                    userDataOnly ? -1 : memberGeneration, rack);
            members.add(new JoinGroupMember(memberId, instanceId, ByteBuffer.allocate(0), subscription));
        }
        return new Case(partitionsPerTopic, members);
    }

    /**
     * The group after a rebalance of {@code generation}: each member owns what it was assigned, one member may
     * leave and one may join (subscribing to the topics of a random existing member, or a random subset).
     */
    static Case nextRound(Random random, Case previous, Map<String, MemberAssignment> assigned, int generation) {
        List<String> topics = List.copyOf(previous.partitionsPerTopic().keySet());
        List<JoinGroupMember> members = new ArrayList<>();
        for (JoinGroupMember member : previous.members()) {
            MemberSubscription subscription = member.subscription();
            members.add(new JoinGroupMember(member.memberId(), member.groupInstanceId(), member.metadata(),
                    new MemberSubscription(subscription.topics(), StickyGenerations.userData(generation),
                            assigned.get(member.memberId()).partitions(), generation, null)));
        }
        if (members.size() > 1 && random.nextInt(3) == 0) {
            members.remove(random.nextInt(members.size()));
        }
        if (random.nextInt(2) == 0) {
            List<String> subscribed = random.nextBoolean()
                    ? members.get(random.nextInt(members.size())).subscription().topics() : randomSubset(random, topics);
            members.add(random.nextInt(members.size() + 1),
                    member("joiner-" + generation + "-" + random.nextInt(1000), null, subscribed, List.of(), -1));
        }
        return new Case(previous.partitionsPerTopic(), members);
    }

    private static List<String> randomSubset(Random random, List<String> topics) {
        List<String> subset = new ArrayList<>();
        for (String topic : topics) {
            if (random.nextBoolean()) {
                subset.add(topic);
            }
        }
        if (subset.isEmpty()) {
            subset.add(topics.get(random.nextInt(topics.size())));
        }
        return subset;
    }

    private static List<PartitionAssignment> randomOwned(Random random, Map<String, Integer> partitionsPerTopic) {
        List<PartitionAssignment> owned = new ArrayList<>();
        partitionsPerTopic.forEach((topic, count) -> {
            if (random.nextBoolean()) {
                Set<Integer> partitions = new HashSet<>();
                int claims = random.nextInt(count + 1);
                for (int i = 0; i < claims; i++) {
                    partitions.add(random.nextInt(count));
                }
                owned.add(new PartitionAssignment(topic, List.copyOf(partitions)));
            }
        });
        if (random.nextInt(8) == 0) {
            owned.add(new PartitionAssignment("deleted-topic", List.of(0, 1)));
        }
        return owned;
    }

    private static int pick(Random random, int... values) {
        return values[random.nextInt(values.length)];
    }
}
