package io.kafkaex.consumer.assignor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The sticky assignment when every member subscribes to the same topics, as the Java sticky assignor computes it.
 * With {@code minQuota} and {@code maxQuota} the floor and ceiling of partitions per member, and as many members
 * allowed {@code maxQuota} as the division leaves over:
 * <ol>
 * <li>each member (in the Java leader's member iteration order) keeps its owned partitions, lowest partition
 *     numbers first: all if fewer than {@code minQuota}; {@code maxQuota} while members with more than
 *     {@code minQuota} are still allowed; otherwise {@code minQuota}. What it owned beyond is revoked;</li>
 * <li>the remaining partitions, by topic and partition, are dealt round-robin to the members under
 *     {@code minQuota} (by member id), then one each to members at {@code minQuota} that may still take one more.</li>
 * </ol>
 * A partition dealt in step 2 that a member owned (or that two members claimed) changes owner; {@link #transfers()}
 * lists it so the cooperative assignor can hold it back. Not rack-aware. Built and used on one thread.
 */
final class ConstrainedStickyAssignment {

    private final OwnedPartitionClaims claims;
    private final Map<String, List<PartitionKey>> assignment = new HashMap<>();
    private final Map<PartitionKey, String> transfers = new HashMap<>();
    private final Set<PartitionKey> revoked = new HashSet<>();
    private final List<PartitionKey> kept = new ArrayList<>();
    private final List<String> underMinQuota = new LinkedList<>();
    private final LinkedList<String> atMinQuota = new LinkedList<>();
    private final int minQuota;
    private final int maxQuota;
    private final int membersAllowedOverMin;
    private int membersOverMin;

    ConstrainedStickyAssignment(SortedMap<String, Integer> partitionsPerTopic, OwnedPartitionClaims claims) {
        this.claims = claims;
        int total = partitionsPerTopic.values().stream().mapToInt(Integer::intValue).sum();
        int members = claims.kept.size();
        minQuota = total / members;
        maxQuota = (total + members - 1) / members;
        membersAllowedOverMin = total % members;
        claims.kept.keySet().forEach(member -> assignment.put(member, new ArrayList<>(maxQuota)));
        keepOwnedPartitions();
        underMinQuota.sort(null);
        atMinQuota.sort(null);
        dealRoundRobin(unassigned(partitionsPerTopic));
    }

    /** The partitions per member. */
    Map<String, List<PartitionKey>> assignment() {
        return assignment;
    }

    /** The partitions that move to a new owner, each with that new owner. */
    Map<PartitionKey, String> transfers() {
        return transfers;
    }

    private void keepOwnedPartitions() {
        claims.kept.forEach((member, claimed) -> {
            List<PartitionKey> owned = new ArrayList<>(claimed);
            owned.sort(PartitionKey.BY_PARTITION);
            owned.removeAll(claims.claimedTwice);
            List<PartitionKey> memberAssignment = assignment.get(member);
            if (owned.size() < minQuota) {
                memberAssignment.addAll(owned);
                kept.addAll(owned);
                underMinQuota.add(member);
            } else if (owned.size() >= maxQuota && membersOverMin < membersAllowedOverMin) {
                membersOverMin++;
                if (membersOverMin == membersAllowedOverMin) {
                    atMinQuota.clear();
                }
                keep(member, owned, maxQuota);
            } else {
                keep(member, owned, minQuota);
                if (membersOverMin < membersAllowedOverMin) {
                    atMinQuota.add(member);
                }
            }
        });
    }

    private void keep(String member, List<PartitionKey> owned, int count) {
        assignment.get(member).addAll(owned.subList(0, count));
        kept.addAll(owned.subList(0, count));
        revoked.addAll(owned.subList(count, owned.size()));
    }

    private List<PartitionKey> unassigned(SortedMap<String, Integer> partitionsPerTopic) {
        Set<PartitionKey> taken = new HashSet<>(kept);
        List<PartitionKey> unassigned = new ArrayList<>();
        partitionsPerTopic.forEach((topic, count) -> {
            for (int partition = 0; partition < count; partition++) {
                PartitionKey key = new PartitionKey(topic, partition);
                if (!taken.contains(key)) {
                    unassigned.add(key);
                }
            }
        });
        return unassigned;
    }

    private void dealRoundRobin(List<PartitionKey> unassigned) {
        Iterator<String> underMin = underMinQuota.iterator();
        for (PartitionKey partition : unassigned) {
            String member;
            if (underMin.hasNext()) {
                member = underMin.next();
            } else if (underMinQuota.isEmpty() && atMinQuota.isEmpty()) {
                throw new IllegalStateException("No member left to take partition " + partition);
            } else if (underMinQuota.isEmpty()) {
                member = atMinQuota.poll();
            } else {
                underMin = underMinQuota.iterator();
                member = underMin.next();
            }
            int assigned = give(partition, member);
            if (assigned == minQuota) {
                underMin.remove();
                atMinQuota.add(member);
            } else if (assigned == maxQuota) {
                membersOverMin++;
            }
        }
    }

    private int give(PartitionKey partition, String member) {
        List<PartitionKey> memberAssignment = assignment.get(member);
        memberAssignment.add(partition);
        if (revoked.contains(partition) || claims.claimedTwice.contains(partition)) {
            transfers.put(partition, member);
        }
        return memberAssignment.size();
    }
}
