package io.kafkaex.client;

import java.util.List;
import java.util.Optional;

/** The outcome of {@code describeConfigs}: one entry per resource, in the order they were given. Immutable. */
public record ConfigsResult(List<ResourceConfigs> resources) implements ItemResults<ResourceConfigs> {

    public ConfigsResult {
        resources = List.copyOf(resources);
    }

    @Override
    public List<ResourceConfigs> items() {
        return resources;
    }

    /** The configuration of one resource, or empty when it was not part of the call. */
    public Optional<ResourceConfigs> resource(ConfigResource resource) {
        return resources.stream().filter(configs -> configs.resource().equals(resource)).findFirst();
    }
}
