package io.kafkaex.consumer.assignor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The assignors kafkaex offers and the default choice. Stateless; any thread.
 */
public final class PartitionAssignors {

    private static final List<PartitionAssignor> ALL =
            List.of(new RangeAssignor(), new RoundRobinAssignor(), new CooperativeStickyAssignor());

    private PartitionAssignors() {
    }

    /**
     * The assignors a member offers unless configured otherwise, in order of preference: {@code range}, then
     * {@code cooperative-sticky}, the Java consumer's default {@code partition.assignment.strategy} since 3.0.
     */
    public static List<PartitionAssignor> defaults() {
        return List.of(byName(RangeAssignor.NAME), byName(CooperativeStickyAssignor.NAME));
    }

    /**
     * The assignor of this protocol name.
     *
     * @throws IllegalArgumentException if no assignor has this name; the message lists the known names
     */
    public static PartitionAssignor byName(String name) {
        return ALL.stream().filter(assignor -> assignor.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown partition assignor '" + name + "'; known: "
                        + ALL.stream().map(PartitionAssignor::name).collect(Collectors.joining(", "))));
    }
}
