package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;

import java.util.List;
import java.util.Optional;

/**
 * The described configuration of one resource: its entries, or the error (and the broker's message, if any)
 * when it could not be described. Immutable.
 */
public record ResourceConfigs(ConfigResource resource, KafkaError error, String message, List<ConfigEntry> entries)
        implements ItemResult {

    public ResourceConfigs {
        entries = List.copyOf(entries);
    }

    /** The entry with this name, or empty when the broker did not list it. */
    public Optional<ConfigEntry> entry(String name) {
        return entries.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }
}
