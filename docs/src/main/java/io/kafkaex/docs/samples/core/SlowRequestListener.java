package io.kafkaex.docs.samples.core;

import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.RebalanceEvent;
import io.kafkaex.telemetry.RequestEvent;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The telemetry guide's listener: logs slow requests and rebalances. Called on the client's event loop. */
// tag::listener[]
public final class SlowRequestListener implements KafkaExTelemetryListener {

    private static final Logger log = LoggerFactory.getLogger(SlowRequestListener.class);

    @Override
    public void onRequestStop(RequestEvent.Stop event) {
        if (event.duration().compareTo(Duration.ofSeconds(1)) > 0) {
            log.info("{} to broker {} took {}", event.metadata().api(), event.metadata().broker(), event.duration());
        }
    }

    @Override
    public void onConsumerRebalance(RebalanceEvent event) {
        log.info("group {} rebalances: {} {}", event.groupId(), event.reason(), event.error());
    }
}
// end::listener[]
