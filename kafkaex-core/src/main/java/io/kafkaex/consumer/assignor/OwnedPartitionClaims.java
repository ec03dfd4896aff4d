package io.kafkaex.consumer.assignor;

import io.kafkaex.client.MemberSubscription;
import io.kafkaex.client.PartitionAssignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partitions each member may keep, decided from the partitions members claim to own, as the Java sticky
 * assignor decides them: claims on topics that are gone are dropped; of two members claiming one partition, the
 * one of the newer generation keeps it, and when both are of the same generation neither does (the partition is
 * then "claimed twice" and moves as a transfer). Also tells whether all members subscribe to the same topics and
 * the highest generation seen. Built and read on one thread.
 *
 * <p>Members are visited in the iteration order of a {@link HashMap} filled in JoinGroup order, as the Java leader
 * fills its subscription map, because which claim is met first decides ties.
 */
final class OwnedPartitionClaims {

    /** Per member (in the Java leader's iteration order), the owned partitions it keeps; mutable for the builders. */
    final Map<String, List<PartitionKey>> kept = new HashMap<>();

    /** Partitions two members of the same generation both claimed. */
    final Set<PartitionKey> claimedTwice = new HashSet<>();

    /** The highest generation of any member, {@link StickyGenerations#NONE} if none has one. */
    int maxGeneration = StickyGenerations.NONE;

    /** Whether every member subscribes to the same topics. */
    boolean sameSubscriptions = true;

    private OwnedPartitionClaims() {
    }

    /**
     * @param topics the topics with partitions
     * @param subscriptions the members' subscriptions, a {@link HashMap} filled in JoinGroup order
     */
    static OwnedPartitionClaims resolve(Set<String> topics, Map<String, MemberSubscription> subscriptions) {
        OwnedPartitionClaims claims = new OwnedPartitionClaims();
        Set<String> firstTopics = new HashSet<>();
        Map<PartitionKey, String> claimant = new HashMap<>();
        for (Map.Entry<String, MemberSubscription> entry : subscriptions.entrySet()) {
            String member = entry.getKey();
            MemberSubscription subscription = entry.getValue();
            if (firstTopics.isEmpty()) {
                firstTopics.addAll(subscription.topics());
            } else if (subscription.topics().size() != firstTopics.size() || !firstTopics.containsAll(subscription.topics())) {
                claims.sameSubscriptions = false;
            }
            int generation = StickyGenerations.of(subscription);
            claims.maxGeneration = Math.max(claims.maxGeneration, generation);
            List<PartitionKey> kept = new ArrayList<>();
            claims.kept.put(member, kept);
            for (PartitionKey partition : owned(subscription)) {
                if (topics.contains(partition.topic())) {
                    claims.claim(partition, member, generation, claimant, subscriptions);
                }
            }
        }
        return claims;
    }

    /** The partitions a subscription claims to own, in the order it lists them. */
    static List<PartitionKey> owned(MemberSubscription subscription) {
        List<PartitionKey> owned = new ArrayList<>();
        for (PartitionAssignment topic : subscription.ownedPartitions()) {
            topic.partitions().forEach(partition -> owned.add(new PartitionKey(topic.topic(), partition)));
        }
        return owned;
    }

    private void claim(PartitionKey partition, String member, int generation, Map<PartitionKey, String> claimant,
            Map<String, MemberSubscription> subscriptions) {
        String other = claimant.get(partition);
        if (other == null) {
            kept.get(member).add(partition);
            claimant.put(partition, member);
            return;
        }
        // As in Java, the earlier claimant's generation is its generation field only, not its user data.
        int otherGeneration = StickyGenerations.field(subscriptions.get(other));
        if (generation == otherGeneration) {
            claimedTwice.add(partition);
            kept.get(other).remove(partition);
            claimant.put(partition, member);
        } else if (generation > otherGeneration) {
            kept.get(member).add(partition);
            kept.get(other).remove(partition);
            claimant.put(partition, member);
        }
    }
}
