package io.kafkaex.consumer.assignor;

import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.MemberAssignment;
import io.kafkaex.client.MemberSubscription;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The {@code cooperative-sticky} assignor, assigning as the Java consumer's {@code CooperativeStickyAssignor}
 * does: as balanced as possible while members keep as many of the partitions they own as balance allows.
 *
 * <p>Owned partitions count only from the newest generation: a member's generation is its subscription's
 * generation field (consumer protocol v2+), else the generation in this assignor's user data; of two members
 * claiming one partition the older generation loses it, and of two of the same generation neither keeps it. When
 * all members subscribe to the same topics, {@link ConstrainedStickyAssignment} computes the assignment, otherwise
 * {@link GeneralStickyAssignment}. Then the cooperative rule (KIP-429): a partition that changes owner is left out
 * of its new owner's assignment, so its current owner revokes it first and the follow-up rebalance hands it over.
 *
 * <p>Not rack-aware: the Java assignor aligns members' racks with partition replica racks only when the metadata
 * names the racks of the replicas, which this SPI does not receive; it assigns as here whenever no member sends a
 * rack id or the brokers advertise no racks. Unlike Java's assignor instance, which remembers the highest
 * generation across calls, each call here considers only the generations its members send; the two differ only
 * if a rebalance's members all report generations older than one an earlier rebalance saw.
 * Stateless; any thread.
 */
public final class CooperativeStickyAssignor implements PartitionAssignor {

    /** The protocol name, as the Java consumer offers it. */
    public static final String NAME = "cooperative-sticky";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RebalanceProtocol rebalanceProtocol() {
        return RebalanceProtocol.COOPERATIVE;
    }

    /** The generation as Java's assignor writes it: a struct of one int32, so a Java leader reads it. */
    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics, int generationId) {
        return StickyGenerations.userData(generationId);
    }

    @Override
    public Map<String, MemberAssignment> assign(Map<String, Integer> partitionsPerTopic, List<JoinGroupMember> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        SortedMap<String, Integer> topics = AssignorInputs.subscribedTopics(partitionsPerTopic, members);
        Map<String, MemberSubscription> subscriptions = new HashMap<>();
        members.forEach(member -> subscriptions.put(member.memberId(), member.subscription()));
        OwnedPartitionClaims claims = OwnedPartitionClaims.resolve(topics.keySet(), subscriptions);
        Map<String, List<PartitionKey>> assignment;
        Map<PartitionKey, String> transfers;
        if (claims.sameSubscriptions) {
            ConstrainedStickyAssignment constrained = new ConstrainedStickyAssignment(topics, claims);
            assignment = constrained.assignment();
            transfers = constrained.transfers();
        } else {
            assignment = new GeneralStickyAssignment(topics, subscriptions, claims).assign();
            transfers = transfers(subscriptions, assignment);
        }
        transfers.forEach((partition, newOwner) -> assignment.get(newOwner).remove(partition));
        return AssignorInputs.result(members, assignment);
    }

    /** The partitions some member is assigned without owning them while another owns them without keeping them. */
    private static Map<PartitionKey, String> transfers(Map<String, MemberSubscription> subscriptions,
            Map<String, List<PartitionKey>> assignment) {
        Map<PartitionKey, String> added = new HashMap<>();
        Set<PartitionKey> revoked = new HashSet<>();
        assignment.forEach((member, assigned) -> {
            Set<PartitionKey> owned = new HashSet<>(OwnedPartitionClaims.owned(subscriptions.get(member)));
            assigned.stream().filter(partition -> !owned.contains(partition)).forEach(partition -> added.put(partition, member));
            owned.removeAll(assigned);
            revoked.addAll(owned);
        });
        added.keySet().retainAll(revoked);
        return added;
    }
}
