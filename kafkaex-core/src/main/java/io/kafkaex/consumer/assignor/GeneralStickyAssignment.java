package io.kafkaex.consumer.assignor;

import io.kafkaex.client.MemberSubscription;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The sticky assignment when members subscribe to different topics, as the Java sticky assignor computes it:
 * <ol>
 * <li>members keep the owned partitions left to them by {@link OwnedPartitionClaims}, minus those of topics they
 *     no longer subscribe to;</li>
 * <li>each unassigned partition (topics with fewest potential members first, then by name) goes to the member with
 *     the fewest partitions (then lowest member id) that subscribes to its topic;</li>
 * <li>partitions are then moved, one at a time, from a member to one with at least two fewer that could take
 *     them (back to the partition's owner of an older generation if that evens things out), until no move
 *     improves the balance; if the moves did not improve the balance score, they are undone.</li>
 * </ol>
 * Not rack-aware. Where Java's assignor fails with a {@code NullPointerException} (a partition's older-generation
 * owner is a member that can neither take nor give up partitions, so it sits out step 3), this one leaves that
 * owner out of step 3 and assigns. Built and used on one thread.
 */
final class GeneralStickyAssignment {

    private record PreviousOwner(String member, int generation) {
    }

    private final SortedMap<String, Integer> partitionsPerTopic;
    private final Map<String, MemberSubscription> subscriptions;
    private final OwnedPartitionClaims claims;
    private final int totalPartitions;
    private final Map<String, List<String>> membersPerTopic = new HashMap<>();
    private final Map<String, List<String>> topicsPerMember = new HashMap<>();
    private final Map<PartitionKey, String> owners = new HashMap<>();
    private final Map<String, List<PartitionKey>> assignment;
    private final TreeSet<String> byLoad;
    private final List<PartitionKey> sortedPartitions = new ArrayList<>();
    private final PartitionMoves moves = new PartitionMoves();
    private boolean revocationRequired;

    /**
     * @param subscriptions the members' subscriptions, a {@link java.util.HashMap} filled in JoinGroup order
     */
    GeneralStickyAssignment(SortedMap<String, Integer> partitionsPerTopic, Map<String, MemberSubscription> subscriptions,
            OwnedPartitionClaims claims) {
        this.partitionsPerTopic = partitionsPerTopic;
        this.subscriptions = subscriptions;
        this.claims = claims;
        this.assignment = claims.kept;
        totalPartitions = partitionsPerTopic.values().stream().mapToInt(Integer::intValue).sum();
        partitionsPerTopic.keySet().forEach(topic -> membersPerTopic.put(topic, new ArrayList<>()));
        subscriptions.forEach((member, subscription) -> {
            List<String> topics = new ArrayList<>();
            topicsPerMember.put(member, topics);
            subscription.topics().stream().filter(partitionsPerTopic::containsKey).forEach(topic -> {
                topics.add(topic);
                membersPerTopic.get(topic).add(member);
            });
        });
        assignment.forEach((member, partitions) -> partitions.forEach(partition -> owners.put(partition, member)));
        List<String> topics = new ArrayList<>(partitionsPerTopic.keySet());
        topics.sort(Comparator.comparingInt((String topic) -> membersPerTopic.get(topic).size()).thenComparing(topic -> topic));
        for (String topic : topics) {
            for (int partition = 0; partition < partitionsPerTopic.get(topic); partition++) {
                sortedPartitions.add(new PartitionKey(topic, partition));
            }
        }
        byLoad = new TreeSet<>(Comparator.comparingInt((String member) -> assignment.get(member).size())
                .thenComparing(member -> member));
    }

    /** Computes and returns the partitions per member. */
    Map<String, List<PartitionKey>> assign() {
        Map<PartitionKey, PreviousOwner> previousOwners = previousOwners();
        List<PartitionKey> unassigned = dropUnsubscribed();
        byLoad.addAll(assignment.keySet());
        balance(previousOwners, unassigned);
        return assignment;
    }

    /** Per partition, the member of the newest generation older than the highest that claimed it. */
    private Map<PartitionKey, PreviousOwner> previousOwners() {
        Map<PartitionKey, PreviousOwner> previous = new HashMap<>();
        subscriptions.forEach((member, subscription) -> {
            int generation = StickyGenerations.of(subscription);
            if (generation < claims.maxGeneration) {
                for (PartitionKey partition : OwnedPartitionClaims.owned(subscription)) {
                    PreviousOwner known = previous.get(partition);
                    if (known == null || generation > known.generation()) {
                        previous.put(partition, new PreviousOwner(member, generation));
                    }
                }
            }
        });
        return previous;
    }

    /** Drops kept partitions of topics their member no longer subscribes to; returns the unassigned partitions. */
    private List<PartitionKey> dropUnsubscribed() {
        Set<PartitionKey> kept = new HashSet<>();
        assignment.forEach((member, partitions) -> {
            List<String> subscribed = subscriptions.get(member).topics();
            for (Iterator<PartitionKey> it = partitions.iterator(); it.hasNext(); ) {
                PartitionKey partition = it.next();
                if (subscribed.contains(partition.topic())) {
                    kept.add(partition);
                } else {
                    it.remove();
                    revocationRequired = true;
                }
            }
        });
        return new ArrayList<>(sortedPartitions.stream().filter(partition -> !kept.contains(partition)).toList());
    }

    private void balance(Map<PartitionKey, PreviousOwner> previousOwners, List<PartitionKey> unassigned) {
        boolean initializing = assignment.get(byLoad.last()).isEmpty();
        for (PartitionKey partition : unassigned) {
            if (!membersPerTopic.get(partition.topic()).isEmpty()) {
                assignToLeastLoaded(partition);
            }
        }
        Set<PartitionKey> fixedPartitions = new HashSet<>();
        membersPerTopic.forEach((topic, members) -> {
            if (members.size() < 2) {
                for (int partition = 0; partition < partitionsPerTopic.get(topic); partition++) {
                    fixedPartitions.add(new PartitionKey(topic, partition));
                }
            }
        });
        sortedPartitions.removeAll(fixedPartitions);
        unassigned.removeAll(fixedPartitions);
        Map<String, List<PartitionKey>> fixedMembers = new HashMap<>();
        for (String member : topicsPerMember.keySet()) {
            if (!canMove(member)) {
                byLoad.remove(member);
                fixedMembers.put(member, assignment.remove(member));
            }
        }
        Map<String, List<PartitionKey>> before = copy(assignment);
        Map<PartitionKey, String> ownersBefore = new HashMap<>(owners);
        if (!revocationRequired) {
            reassign(unassigned, previousOwners);
        }
        boolean reassigned = reassign(sortedPartitions, previousOwners);
        if (!initializing && reassigned && balanceScore(assignment) >= balanceScore(before)) {
            assignment.clear();
            assignment.putAll(copy(before));
            owners.clear();
            owners.putAll(ownersBefore);
        }
        fixedMembers.forEach((member, partitions) -> {
            assignment.put(member, partitions);
            byLoad.add(member);
        });
    }

    private void assignToLeastLoaded(PartitionKey partition) {
        for (String member : byLoad) {
            if (topicsPerMember.get(member).contains(partition.topic())) {
                byLoad.remove(member);
                assignment.get(member).add(partition);
                owners.put(partition, member);
                byLoad.add(member);
                return;
            }
        }
    }

    /** Whether the member could gain partitions or hold some another member could take. */
    private boolean canMove(String member) {
        List<PartitionKey> partitions = assignment.get(member);
        if (partitions.size() < maxPartitions(topicsPerMember.get(member))) {
            return true;
        }
        return partitions.stream().anyMatch(partition -> membersPerTopic.get(partition.topic()).size() >= 2);
    }

    private int maxPartitions(List<String> topics) {
        if (topics.size() == partitionsPerTopic.size()) {
            return totalPartitions;
        }
        return topics.stream().mapToInt(partitionsPerTopic::get).sum();
    }

    private boolean reassign(List<PartitionKey> partitions, Map<PartitionKey, PreviousOwner> previousOwners) {
        boolean reassigned = false;
        boolean modified;
        do {
            modified = false;
            for (Iterator<PartitionKey> it = partitions.iterator(); it.hasNext() && !isBalanced(); ) {
                PartitionKey partition = it.next();
                int load = assignment.get(owners.get(partition)).size();
                PreviousOwner previous = previousOwners.get(partition);
                if (previous != null && assignment.containsKey(previous.member())
                        && load > assignment.get(previous.member()).size() + 1) {
                    move(partition, previous.member());
                    reassigned = modified = true;
                    continue;
                }
                for (String other : membersPerTopic.get(partition.topic())) {
                    if (load > assignment.get(other).size() + 1) {
                        move(partition, leastLoadedSubscriber(partition.topic()));
                        reassigned = modified = true;
                        break;
                    }
                }
            }
        } while (modified);
        return reassigned;
    }

    private String leastLoadedSubscriber(String topic) {
        return byLoad.stream().filter(member -> topicsPerMember.get(member).contains(topic)).findFirst().orElseThrow();
    }

    private void move(PartitionKey partition, String to) {
        PartitionKey moved = moves.partitionToMove(partition, owners.get(partition), to);
        String from = owners.get(moved);
        byLoad.remove(from);
        byLoad.remove(to);
        moves.record(moved, from, to);
        assignment.get(from).remove(moved);
        assignment.get(to).add(moved);
        owners.put(moved, to);
        byLoad.add(to);
        byLoad.add(from);
    }

    /** Whether member loads differ by at most one, or no partition could move to a member with two fewer. */
    private boolean isBalanced() {
        int min = assignment.get(byLoad.first()).size();
        int max = assignment.get(byLoad.last()).size();
        if (min >= max - 1) {
            return true;
        }
        Map<PartitionKey, String> current = new HashMap<>();
        assignment.forEach((member, partitions) -> partitions.forEach(partition -> current.put(partition, member)));
        for (String member : byLoad) {
            List<PartitionKey> partitions = assignment.get(member);
            List<String> topics = topicsPerMember.get(member);
            if (partitions.size() == maxPartitions(topics)) {
                continue;
            }
            for (String topic : topics) {
                for (int number = 0; number < partitionsPerTopic.get(topic); number++) {
                    PartitionKey partition = new PartitionKey(topic, number);
                    if (!partitions.contains(partition)
                            && partitions.size() + 1 < assignment.get(current.get(partition)).size()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The sum, over all pairs of members, of the difference in their partition counts. */
    private static int balanceScore(Map<String, List<PartitionKey>> assignment) {
        List<Integer> loads = assignment.values().stream().map(List::size).toList();
        int score = 0;
        for (int i = 0; i < loads.size(); i++) {
            for (int j = i + 1; j < loads.size(); j++) {
                score += Math.abs(loads.get(i) - loads.get(j));
            }
        }
        return score;
    }

    private static Map<String, List<PartitionKey>> copy(Map<String, List<PartitionKey>> assignment) {
        Map<String, List<PartitionKey>> copy = new HashMap<>();
        assignment.forEach((member, partitions) -> copy.put(member, new ArrayList<>(partitions)));
        return copy;
    }
}
