package io.kafkaex.client;

/**
 * A group as ListGroups names it. Immutable; any thread.
 *
 * @param protocolType "consumer" for consumer groups, or another protocol type ({@code ""} when none yet)
 * @param state        the group's state (ListGroups v4+), or {@code null} when the broker's version lacks it
 * @param type         the group's type, "classic" or "consumer" (ListGroups v5+), or {@code null}
 */
public record GroupListing(String groupId, String protocolType, String state, String type) {
}
