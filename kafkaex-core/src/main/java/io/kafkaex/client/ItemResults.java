package io.kafkaex.client;

import java.util.List;

/**
 * The per-item outcomes of an admin call, in the order the items were given; a failed item is an outcome, never
 * dropped. Implementations are immutable records.
 *
 * @param <T> the outcome of one item
 */
public interface ItemResults<T extends ItemResult> {

    /** Every item's outcome. */
    List<T> items();

    /** Whether every item succeeded. */
    default boolean isSuccess() {
        return items().stream().allMatch(ItemResult::isSuccess);
    }

    /** The items that failed. */
    default List<T> failed() {
        return items().stream().filter(item -> !item.isSuccess()).toList();
    }
}
