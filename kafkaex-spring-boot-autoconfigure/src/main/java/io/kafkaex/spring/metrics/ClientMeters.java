package io.kafkaex.spring.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/**
 * Removes every KafkaEx meter of one client from a registry: what happens when the client closes, so that closed
 * clients (a stopped listener's members, a closed producer) leave no meters behind. Client ids must be unique per
 * client for this to touch only the closed one; the auto-configuration gives each client its own suffix.
 *
 * <p>Thread-safe: the registry is.
 */
final class ClientMeters {

    private static final String PREFIX = "kafkaex.";

    private ClientMeters() {
    }

    /** Removes the meters named {@code kafkaex.*} tagged with {@code clientId}. */
    static void remove(MeterRegistry registry, String clientId) {
        List<Meter> owned = registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith(PREFIX))
                .filter(meter -> clientId.equals(meter.getId().getTag(KafkaExMeterNames.CLIENT_ID)))
                .toList();
        owned.forEach(registry::remove);
    }
}
