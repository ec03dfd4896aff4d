package io.kafkaex.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs, once the application is ready, how to try it: a {@code curl} line that places an order, one that places an
 * order processing fails on, and the URLs that show the outcome, the health, the metrics and the listeners. Called by
 * Spring on the thread that starts the application.
 */
@Component
public class TryItInstructions {

    private static final Logger log = LoggerFactory.getLogger(TryItInstructions.class);

    @EventListener(ApplicationReadyEvent.class)
    public void logInstructions(ApplicationReadyEvent event) {
        log.info(instructions(event.getApplicationContext().getEnvironment()));
    }

    /** The instructions for the port the application listens on ({@code local.server.port}, else 8080). */
    static String instructions(Environment environment) {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        String json = " -H 'Content-Type: application/json' -d ";
        return String.join(System.lineSeparator(),
                "",
                "KafkaEx sample is ready. Try it:",
                line("place an order", "curl -X POST " + base + "/orders" + json
                        + "'{\"customer\":\"alice\",\"product\":\"book\",\"amount\":12.50}'"),
                line("a failing order", "curl -X POST " + base + "/orders" + json
                        + "'{\"customer\":\"fail\",\"product\":\"book\",\"amount\":1}'"),
                line("processed orders", base + "/orders/processed"),
                line("shipped (manual ack)", base + "/orders/shipped"),
                line("audit (batches)", base + "/orders/audit"),
                line("dead letters", base + "/orders/dead-letters"),
                line("health", base + "/actuator/health"),
                line("a metric", base + "/actuator/metrics/kafkaex.consumer.process"),
                line("Prometheus", base + "/actuator/prometheus"),
                line("listeners", base + "/actuator/kafkaex"));
    }

    private static String line(String label, String value) {
        return String.format("  %-22s%s", label + ":", value);
    }
}
