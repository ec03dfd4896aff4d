package io.kafkaex.consumer.assignor;

import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.MemberAssignment;
import io.kafkaex.client.MemberSubscription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs a kafka-clients assignor the way a Java group leader does (subscriptions in a HashMap filled in JoinGroup
 * order, metadata of a cluster whose brokers name no rack) and brings both results to one comparable form:
 * per member, its partitions as sorted "topic-partition" strings. Test threads.
 */
final class JavaAssignorOracle {

    private static final Node BROKER = new Node(0, "localhost", 9092);

    static {
        // The Java sticky assignor logs every assignment and every conflicting claim; thousands of random groups
        // would flood the test output.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.consumer.internals", "off");
    }

    private JavaAssignorOracle() {
    }

    static Map<String, Set<String>> javaAssign(ConsumerPartitionAssignor assignor, Map<String, Integer> partitionsPerTopic,
            List<JoinGroupMember> members) {
        Map<String, Subscription> subscriptions = new HashMap<>();
        for (JoinGroupMember member : members) {
            subscriptions.put(member.memberId(), javaSubscription(member));
        }
        List<PartitionInfo> partitions = new ArrayList<>();
        partitionsPerTopic.forEach((topic, count) -> {
            for (int partition = count - 1; partition >= 0; partition--) {
                partitions.add(new PartitionInfo(topic, partition, BROKER, new Node[] {BROKER}, new Node[] {BROKER}));
            }
        });
        Cluster cluster = new Cluster("oracle", List.of(BROKER), partitions, Set.of(), Set.of());
        Map<String, Set<String>> result = new TreeMap<>();
        assignor.assign(cluster, new GroupSubscription(subscriptions)).groupAssignment().forEach((member, assignment) ->
                result.put(member, new TreeSet<>(assignment.partitions().stream().map(TopicPartition::toString).toList())));
        return result;
    }

    static Subscription javaSubscription(JoinGroupMember member) {
        MemberSubscription ours = member.subscription();
        List<TopicPartition> owned = new ArrayList<>();
        ours.ownedPartitions().forEach(topic -> topic.partitions()
                .forEach(partition -> owned.add(new TopicPartition(topic.topic(), partition))));
        Subscription subscription = new Subscription(ours.topics(),
                ours.userData() == null ? null : ours.userData().duplicate(), owned, ours.generationId(),
                Optional.ofNullable(ours.rackId()));
        subscription.setGroupInstanceId(Optional.ofNullable(member.groupInstanceId()));
        return subscription;
    }

    static Map<String, Set<String>> comparable(Map<String, MemberAssignment> assignment) {
        Map<String, Set<String>> result = new TreeMap<>();
        assignment.forEach((member, assigned) -> {
            Set<String> partitions = new TreeSet<>();
            assigned.partitions().forEach(topic -> topic.partitions()
                    .forEach(partition -> partitions.add(topic.topic() + "-" + partition)));
            result.put(member, partitions);
        });
        return result;
    }
}
