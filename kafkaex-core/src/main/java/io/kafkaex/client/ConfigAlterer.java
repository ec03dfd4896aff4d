package io.kafkaex.client;

import io.kafkaex.network.RequestSpec;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.IncrementalAlterConfigsRequest;
import io.kafkaex.protocol.message.IncrementalAlterConfigsResponse;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * IncrementalAlterConfigs (the legacy AlterConfigs, which replaces a resource's whole configuration, is not
 * used), routed by {@link ConfigRouting}. Per-resource errors, such as INVALID_CONFIG with the broker's
 * message naming the entry, are results. Not retried.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class ConfigAlterer {

    private final ConfigRouting routing;
    private final Duration requestTimeout;

    ConfigAlterer(ConfigRouting routing, Duration requestTimeout) {
        this.routing = routing;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<AlterConfigsResult> alter(Map<ConfigResource, List<AlterConfigOp>> changes, boolean validateOnly) {
        Map<ConfigResource, List<AlterConfigOp>> ops = new LinkedHashMap<>();
        changes.forEach((resource, resourceOps) -> ops.put(resource, List.copyOf(resourceOps)));
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("Name at least one resource to alter");
        }
        return routing.send(List.copyOf(ops.keySet()), group -> new RequestSpec<>(ApiKey.INCREMENTAL_ALTER_CONFIGS,
                        version -> request(group, ops, validateOnly),
                        (reader, version) -> outcomes(IncrementalAlterConfigsResponse.read(reader, version), group), requestTimeout),
                (resource, failure) -> new ConfigResourceResult(resource, failure.error(), failure.message()))
                .thenApply(AlterConfigsResult::new);
    }

    private static IncrementalAlterConfigsRequest request(List<ConfigResource> group, Map<ConfigResource, List<AlterConfigOp>> ops,
            boolean validateOnly) {
        return new IncrementalAlterConfigsRequest().setValidateOnly(validateOnly).setResources(group.stream()
                .map(resource -> new IncrementalAlterConfigsRequest.AlterConfigsResource().setResourceType(resource.type().code())
                        .setResourceName(resource.name()).setConfigs(ops.get(resource).stream()
                                .map(op -> new IncrementalAlterConfigsRequest.AlterableConfig().setName(op.name())
                                        .setConfigOperation(op.op().code()).setValue(op.value())).toList()))
                .toList());
    }

    private static Map<ConfigResource, ConfigResourceResult> outcomes(IncrementalAlterConfigsResponse response,
            List<ConfigResource> group) {
        Map<ConfigResource, ConfigResourceResult> outcomes = new HashMap<>();
        response.responses().forEach(result -> ConfigRouting.answered(group, result.resourceType(), result.resourceName())
                .ifPresent(resource -> outcomes.put(resource,
                        new ConfigResourceResult(resource, KafkaError.forCode(result.errorCode()), result.errorMessage()))));
        return outcomes;
    }
}
