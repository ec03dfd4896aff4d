package io.kafkaex.client;

import java.util.List;
import java.util.Set;

/**
 * What {@code describeConfigs} asks for: the entries named in {@code configNames} (all when empty) of every
 * resource, with or without each entry's synonyms and documentation. Defaults: all entries, neither synonyms
 * nor documentation. Immutable.
 */
public record DescribeConfigsOptions(Set<String> configNames, boolean includeSynonyms, boolean includeDocumentation) {

    public DescribeConfigsOptions {
        configNames = Set.copyOf(configNames);
    }

    public static DescribeConfigsOptions defaults() {
        return new DescribeConfigsOptions(Set.of(), false, false);
    }

    /** Only these entries of each resource. */
    public DescribeConfigsOptions withConfigNames(String... names) {
        return new DescribeConfigsOptions(Set.of(names), includeSynonyms, includeDocumentation);
    }

    public DescribeConfigsOptions withSynonyms(boolean include) {
        return new DescribeConfigsOptions(configNames, include, includeDocumentation);
    }

    public DescribeConfigsOptions withDocumentation(boolean include) {
        return new DescribeConfigsOptions(configNames, includeSynonyms, include);
    }

    /** The request's ConfigurationKeys: {@code null} asks for every entry. */
    List<String> requestedKeys() {
        return configNames.isEmpty() ? null : configNames.stream().sorted().toList();
    }
}
