package io.kafkaex.network;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * How busy the client's connections to one broker are, and the least-loaded ordering of brokers built from
 * it: brokers that did not just fail come first; among those, fewer requests pending (in flight or waiting)
 * first, then a broker with a ready connection before one that must connect; equal brokers in random order,
 * so that requests which may go anywhere (metadata, admin calls) spread over the cluster instead of always
 * hitting the first broker. Brokers in reconnect backoff come last, fewest failures first.
 *
 * @param address the broker
 * @param pendingRequests requests of all its connections that are in flight or waiting to be sent
 * @param ready whether one of its connections is ready for requests
 * @param consecutiveFailures connection failures since it last negotiated a connection
 */
public record BrokerLoad(InetSocketAddress address, int pendingRequests, boolean ready, int consecutiveFailures) {

    private static final Comparator<BrokerLoad> LEAST_LOADED_FIRST = Comparator
            .comparingInt((BrokerLoad load) -> load.consecutiveFailures)
            .thenComparingInt(load -> load.pendingRequests)
            .thenComparing(load -> !load.ready);

    /** The brokers of {@code loads}, least loaded first; ties are shuffled with {@code random}. */
    public static List<InetSocketAddress> leastLoadedFirst(List<BrokerLoad> loads, Random random) {
        List<BrokerLoad> shuffled = new ArrayList<>(loads);
        Collections.shuffle(shuffled, random);
        shuffled.sort(LEAST_LOADED_FIRST); // stable: equal loads keep their shuffled order
        return shuffled.stream().map(BrokerLoad::address).toList();
    }
}
