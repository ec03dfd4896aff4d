package io.kafkaex.network;

/**
 * The kinds of traffic that get separate connections to a broker, so that a long-polling fetch never
 * delays a heartbeat or a produce acknowledgement (Kafka answers each connection's requests in order).
 */
public enum TrafficClass {
    PRODUCE, FETCH, GROUP, OTHER
}
