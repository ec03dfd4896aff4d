package io.kafkaex.network;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.message.ApiVersionsResponse;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one broker said it supports (its ApiVersions response), and the version to use for each request:
 * the highest version both sides support. Immutable and thread-safe.
 */
public final class BrokerApiVersions {

    /** The software name and version sent in ApiVersions v3+; brokers accept only this pattern. */
    static final Pattern SOFTWARE_PATTERN = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9\\-.]*[a-zA-Z0-9])?");

    private final Map<Short, Range> ranges;

    private BrokerApiVersions(Map<Short, Range> ranges) {
        this.ranges = Map.copyOf(ranges);
    }

    public static BrokerApiVersions from(ApiVersionsResponse response) {
        Map<Short, Range> ranges = new TreeMap<>();
        for (ApiVersionsResponse.ApiVersion api : response.apiKeys()) {
            ranges.put(api.apiKey(), new Range(api.minVersion(), api.maxVersion()));
        }
        return new BrokerApiVersions(ranges);
    }

    /** The broker's range for {@code api}, if it offers it at all. */
    public Optional<Range> range(ApiKey api) {
        return Optional.ofNullable(ranges.get(api.id()));
    }

    /**
     * The highest version of {@code api} that both KafkaEx (its highest stable version) and the broker
     * support.
     *
     * @throws NoCommonVersionException naming the API and both ranges when there is none
     */
    public short negotiate(ApiKey api) {
        return negotiate(api, Short.MAX_VALUE);
    }

    /**
     * As {@link #negotiate(ApiKey)}, but no higher than {@code atMost}.
     *
     * @throws NoCommonVersionException naming the API and both ranges when there is none
     */
    public short negotiate(ApiKey api, short atMost) {
        Range broker = ranges.get(api.id());
        if (broker == null) {
            throw new NoCommonVersionException("The broker does not offer " + api.apiName() + " (API key " + api.id()
                    + "); KafkaEx speaks versions " + api.lowestVersion() + ".." + api.highestStableVersion());
        }
        short ours = (short) Math.min(api.highestStableVersion(), atMost);
        short highest = (short) Math.min(ours, broker.max());
        short lowest = (short) Math.max(api.lowestVersion(), broker.min());
        if (highest < lowest) {
            throw new NoCommonVersionException(api.apiName() + ": the broker supports versions " + broker.min() + ".."
                    + broker.max() + " and KafkaEx " + api.lowestVersion() + ".." + ours
                    + "; there is no common version");
        }
        return highest;
    }

    /** Whether {@code text} is acceptable as the client software name or version in ApiVersions v3+. */
    public static boolean isValidSoftwareText(String text) {
        return text != null && SOFTWARE_PATTERN.matcher(text).matches();
    }

    /** A broker's version range of one API. */
    public record Range(short min, short max) {
    }
}
