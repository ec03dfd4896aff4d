package io.kafkaex.spring.metrics;

import static io.kafkaex.spring.metrics.KafkaExMeterNames.*;

import io.kafkaex.telemetry.AuthEvent;
import io.kafkaex.telemetry.BrokerInfo;
import io.kafkaex.telemetry.ClientState;
import io.kafkaex.telemetry.CommitEvent;
import io.kafkaex.telemetry.ConnectionEvent;
import io.kafkaex.telemetry.ConsumerLagEvent;
import io.kafkaex.telemetry.FetchEvent;
import io.kafkaex.telemetry.HeartbeatEvent;
import io.kafkaex.telemetry.JoinEvent;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.LeaveEvent;
import io.kafkaex.telemetry.MetadataUpdateEvent;
import io.kafkaex.telemetry.Outcome;
import io.kafkaex.telemetry.ProcessEvent;
import io.kafkaex.telemetry.ProducerRequestEvent;
import io.kafkaex.telemetry.ProduceEvent;
import io.kafkaex.telemetry.RebalanceEvent;
import io.kafkaex.telemetry.RequestEvent;
import io.kafkaex.telemetry.SyncEvent;
import io.kafkaex.telemetry.TelemetryEvent;
import io.kafkaex.telemetry.ThrownEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;

/**
 * Records the telemetry events of ONE client into a {@link MeterRegistry} (see {@link KafkaExMeterNames}): a timer per
 * span family, counters of errors, rebalances and connection events, and gauges of consumer lag and requests in flight.
 * It learns its client's id when the client starts and, when the client closes, removes every meter of that client, so
 * closed clients leave no meters behind.
 *
 * <p>One instance per client: the auto-configuration adds a new one to each client's options. Threads: called on the
 * client's event-loop and worker threads, possibly several at once; thread-safe and non-blocking (it only touches the
 * registry's concurrent maps).
 */
public class MicrometerTelemetryListener implements KafkaExTelemetryListener {

    private static final String UNKNOWN_CLIENT = "unknown";

    private final MeterRegistry registry;
    private final boolean lagGauges;
    private volatile Tags clientTags = Tags.of(CLIENT_ID, UNKNOWN_CLIENT);
    private volatile ConsumerLagGauges lag = new ConsumerLagGauges(null, clientTags);

    /**
     * @param lagGauges whether to keep {@value KafkaExMeterNames#LAG} gauges per partition
     */
    public MicrometerTelemetryListener(MeterRegistry registry, boolean lagGauges) {
        this.registry = registry;
        this.lagGauges = lagGauges;
    }

    @Override
    public void onClientStart(ClientState client) {
        clientTags = Tags.of(CLIENT_ID, client.clientId());
        lag = new ConsumerLagGauges(lagGauges ? registry : null, clientTags);
        Gauge.builder(REQUESTS_IN_FLIGHT, client, ClientState::requestsInFlight).tags(clientTags)
                .description("Requests the client has written to brokers and awaits answers for").strongReference(true)
                .register(registry);
    }

    @Override
    public void onClientClose(ClientState client) {
        ClientMeters.remove(registry, client.clientId());
    }

    @Override
    public void onEvent(TelemetryEvent event) {
        if (event instanceof RequestEvent.Stop stop) {
            time(REQUEST, "request", stop.duration(), stop.outcome(), requestTags(stop.metadata()));
        } else if (event instanceof RequestEvent.Thrown thrown) {
            timeThrown(REQUEST, "request", thrown, requestTags(thrown.metadata()));
        } else if (event instanceof ProduceEvent.Stop stop) {
            time(PRODUCE, "produce", stop.duration(), stop.outcome(), Tags.of(TOPIC, stop.metadata().topic()));
        } else if (event instanceof ProduceEvent.Thrown thrown) {
            timeThrown(PRODUCE, "produce", thrown, Tags.of(TOPIC, thrown.metadata().topic()));
        } else if (event instanceof FetchEvent.Stop stop) {
            time(FETCH, "fetch", stop.duration(), stop.outcome(), Tags.of(TOPIC, stop.metadata().topic()));
        } else if (event instanceof FetchEvent.Thrown thrown) {
            timeThrown(FETCH, "fetch", thrown, Tags.of(TOPIC, thrown.metadata().topic()));
        } else if (event instanceof MetadataUpdateEvent.Stop stop) {
            time(METADATA_UPDATE, "metadata", stop.duration(), stop.outcome(), Tags.empty());
        } else if (event instanceof MetadataUpdateEvent.Thrown thrown) {
            timeThrown(METADATA_UPDATE, "metadata", thrown, Tags.empty());
        } else if (event instanceof ProducerRequestEvent request) {
            recordProducerRequest(request);
        } else if (event instanceof AuthEvent authEvent) {
            onAuth(authEvent);
        } else if (event instanceof ConnectionEvent connectionEvent) {
            onConnection(connectionEvent);
        } else {
            onConsumerEvent(event);
        }
    }

    /** One Produce request of the batching producer: how full its requests are and how well they compress. */
    private void recordProducerRequest(ProducerRequestEvent request) {
        Tags tags = clientTags.and(BROKER, nodeId(request.broker()));
        DistributionSummary.builder(PRODUCER_REQUEST_RECORDS).description("Records per Produce request").tags(tags)
                .register(registry).record(request.recordCount());
        DistributionSummary.builder(PRODUCER_REQUEST_BYTES).description("Bytes per Produce request, as sent")
                .baseUnit("bytes").tags(tags).register(registry).record(request.bytes());
        DistributionSummary.builder(PRODUCER_COMPRESSION_RATIO)
                .description("Bytes sent per byte of records; below 1 when compression helps").tags(tags)
                .register(registry).record(request.compressionRatio());
    }

    private void onConsumerEvent(TelemetryEvent event) {
        if (event instanceof CommitEvent.Stop stop) {
            time(COMMIT, "commit", stop.duration(), stop.outcome(), group(stop.metadata().groupId()));
        } else if (event instanceof CommitEvent.Thrown thrown) {
            timeThrown(COMMIT, "commit", thrown, group(thrown.metadata().groupId()));
        } else if (event instanceof JoinEvent.Start start) {
            lag.removeGroup(start.metadata().groupId()); // rejoining: the assignment may change
        } else if (event instanceof JoinEvent.Stop stop) {
            time(JOIN, "join", stop.duration(), stop.outcome(), group(stop.metadata().groupId()));
        } else if (event instanceof JoinEvent.Thrown thrown) {
            timeThrown(JOIN, "join", thrown, group(thrown.metadata().groupId()));
        } else if (event instanceof SyncEvent.Stop stop) {
            time(SYNC, "sync", stop.duration(), stop.outcome(), group(stop.metadata().groupId()));
        } else if (event instanceof SyncEvent.Thrown thrown) {
            timeThrown(SYNC, "sync", thrown, group(thrown.metadata().groupId()));
        } else if (event instanceof HeartbeatEvent.Stop stop) {
            time(HEARTBEAT, "heartbeat", stop.duration(), stop.outcome(), group(stop.metadata().groupId()));
        } else if (event instanceof HeartbeatEvent.Thrown thrown) {
            timeThrown(HEARTBEAT, "heartbeat", thrown, group(thrown.metadata().groupId()));
        } else if (event instanceof LeaveEvent.Start start) {
            lag.removeGroup(start.metadata().groupId());
        } else if (event instanceof LeaveEvent.Stop stop) {
            time(LEAVE, "leave", stop.duration(), stop.outcome(), group(stop.metadata().groupId()));
        } else if (event instanceof LeaveEvent.Thrown thrown) {
            timeThrown(LEAVE, "leave", thrown, group(thrown.metadata().groupId()));
        } else if (event instanceof ProcessEvent.Stop stop) {
            time(PROCESS, "process", stop.duration(), Outcome.ok(), processTags(stop.metadata()));
        } else if (event instanceof ProcessEvent.Thrown thrown) {
            timeThrown(PROCESS, "process", thrown, processTags(thrown.metadata()));
        } else if (event instanceof RebalanceEvent rebalance) {
            Counter.builder(REBALANCES).description("Times a consumer group member had to rejoin its group")
                    .tags(clientTags).tags(GROUP, rebalance.groupId(), REASON, lower(rebalance.reason()))
                    .register(registry).increment();
            lag.removeGroup(rebalance.groupId());
        } else if (event instanceof ConsumerLagEvent lagEvent) {
            lag.update(lagEvent);
        }
    }

    private void onAuth(AuthEvent event) {
        Tags tags = Tags.of(MECHANISM, event.metadata().mechanism(), REAUTHENTICATION,
                Boolean.toString(event.metadata().reauthentication()));
        if (event instanceof AuthEvent.Stop stop) {
            time(AUTH, "auth", stop.duration(), stop.outcome(), tags);
        } else if (event instanceof AuthEvent.Thrown thrown) {
            timeThrown(AUTH, "auth", thrown, tags);
        }
    }

    private void onConnection(ConnectionEvent event) {
        String broker = nodeId(event.metadata().broker());
        if (event instanceof ConnectionEvent.Stop stop) {
            connectionEvent(broker, stop.outcome().isOk() ? "opened" : "failed", stop.outcome().errorName());
            if (!stop.outcome().isOk()) {
                countError("connection", stop.outcome().errorName());
            }
        } else if (event instanceof ConnectionEvent.Thrown thrown) {
            connectionEvent(broker, "failed", thrown.exception().getClass().getSimpleName());
            countError("connection", thrown.exception().getClass().getSimpleName());
        } else if (event instanceof ConnectionEvent.Closed closed) {
            connectionEvent(broker, "closed", lower(closed.reason()));
        }
    }

    private void connectionEvent(String broker, String what, String reason) {
        Counter.builder(CONNECTIONS).description("Broker connections opened, failed to open and closed")
                .tags(clientTags).tags(BROKER, broker, EVENT, what, REASON, reason).register(registry).increment();
    }

    private void time(String name, String source, Duration duration, Outcome outcome, Tags tags) {
        Timer.builder(name).tags(clientTags).tags(tags)
                .tags(OUTCOME, outcome.isOk() ? "success" : "error", ERROR, outcome.errorName())
                .register(registry).record(duration);
        if (!outcome.isOk()) {
            countError(source, outcome.errorName());
        }
    }

    private void timeThrown(String name, String source, ThrownEvent thrown, Tags tags) {
        String error = thrown.exception().getClass().getSimpleName();
        Timer.builder(name).tags(clientTags).tags(tags).tags(OUTCOME, "exception", ERROR, error)
                .register(registry).record(thrown.duration());
        countError(source, error);
    }

    private void countError(String source, String error) {
        Counter.builder(ERRORS).description("Failed KafkaEx operations by kind and error").tags(clientTags)
                .tags(SOURCE, source, ERROR, error).register(registry).increment();
    }

    private static Tags requestTags(RequestEvent.Metadata metadata) {
        return Tags.of(API, metadata.api().name(), BROKER, nodeId(metadata.broker()));
    }

    private static Tags processTags(ProcessEvent.Metadata metadata) {
        return Tags.of(GROUP, metadata.groupId(), TOPIC, metadata.topic());
    }

    private static Tags group(String groupId) {
        return Tags.of(GROUP, groupId);
    }

    private static String nodeId(BrokerInfo broker) {
        return broker.nodeId() == BrokerInfo.UNKNOWN_NODE_ID ? "bootstrap" : Integer.toString(broker.nodeId());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
