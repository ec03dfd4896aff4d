package io.kafkaex.client;

import java.util.List;
import java.util.Optional;

/** The per-resource outcomes of {@code alterConfigs}, in the order the resources were given. Immutable. */
public record AlterConfigsResult(List<ConfigResourceResult> resources) implements ItemResults<ConfigResourceResult> {

    public AlterConfigsResult {
        resources = List.copyOf(resources);
    }

    @Override
    public List<ConfigResourceResult> items() {
        return resources;
    }

    /** The outcome for one resource, or empty when it was not part of the call. */
    public Optional<ConfigResourceResult> resource(ConfigResource resource) {
        return resources.stream().filter(result -> result.resource().equals(resource)).findFirst();
    }
}
