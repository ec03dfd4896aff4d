package io.kafkaex.client;

import io.kafkaex.network.RequestSpec;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.DescribeConfigsRequest;
import io.kafkaex.protocol.message.DescribeConfigsResponse;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * DescribeConfigs for topics, brokers and broker loggers, routed by {@link ConfigRouting}. Per-resource errors
 * (e.g. an unknown topic) are results. Not retried: a failed request's resources carry its failure.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class ConfigDescriber {

    private final ConfigRouting routing;
    private final Duration requestTimeout;

    ConfigDescriber(ConfigRouting routing, Duration requestTimeout) {
        this.routing = routing;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<ConfigsResult> describe(List<ConfigResource> resources, DescribeConfigsOptions options) {
        List<ConfigResource> distinct = List.copyOf(new LinkedHashSet<>(resources));
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("Name at least one resource to describe");
        }
        return routing.send(distinct, group -> new RequestSpec<>(ApiKey.DESCRIBE_CONFIGS,
                        version -> request(group, options),
                        (reader, version) -> outcomes(DescribeConfigsResponse.read(reader, version), group), requestTimeout),
                (resource, failure) -> new ResourceConfigs(resource, failure.error(), failure.message(), List.of()))
                .thenApply(ConfigsResult::new);
    }

    private static DescribeConfigsRequest request(List<ConfigResource> group, DescribeConfigsOptions options) {
        return new DescribeConfigsRequest().setIncludeSynonyms(options.includeSynonyms())
                .setIncludeDocumentation(options.includeDocumentation())
                .setResources(group.stream().map(resource -> new DescribeConfigsRequest.DescribeConfigsResource()
                        .setResourceType(resource.type().code()).setResourceName(resource.name())
                        .setConfigurationKeys(options.requestedKeys())).toList());
    }

    private static Map<ConfigResource, ResourceConfigs> outcomes(DescribeConfigsResponse response, List<ConfigResource> group) {
        Map<ConfigResource, ResourceConfigs> outcomes = new HashMap<>();
        response.results().forEach(result -> ConfigRouting.answered(group, result.resourceType(), result.resourceName())
                .ifPresent(resource -> outcomes.put(resource, new ResourceConfigs(resource, KafkaError.forCode(result.errorCode()),
                        result.errorMessage(), result.configs().stream().map(ConfigDescriber::entry).toList()))));
        return outcomes;
    }

    private static ConfigEntry entry(DescribeConfigsResponse.DescribeConfigsResourceResult config) {
        return new ConfigEntry(config.name(), config.value(), config.readOnly(), ConfigEntry.Source.forCode(config.configSource()),
                config.isSensitive(), config.synonyms().stream().map(synonym -> new ConfigEntry.Synonym(synonym.name(),
                        synonym.value(), ConfigEntry.Source.forCode(synonym.source()))).toList(),
                ConfigEntry.Type.forCode(config.configType()), config.documentation());
    }
}
