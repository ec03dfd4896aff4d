package io.kafkaex.telemetry;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener that logs every telemetry event through SLF4J, one line per event with all its metadata and
 * measurements, e.g.
 * {@code request.stop api=PRODUCE apiVersion=9 correlationId=7 clientId=app broker=1@kafka-1:9092
 * duration=1.204ms bytesSent=212 bytesReceived=64 result=ok}.
 *
 * <p>Each event family logs to its own logger, {@code io.kafkaex.telemetry.<family>} (for instance
 * {@code io.kafkaex.telemetry.request} or {@code io.kafkaex.telemetry.consumer.commit}), so families can be
 * switched on one by one. {@code exception} events are logged at WARN with the throwable; every other event at
 * DEBUG. A line is only built when its level is enabled.
 *
 * <p>Thread-safe; called on the client's event-loop and worker threads like every listener.
 */
public final class LoggingTelemetryListener implements KafkaExTelemetryListener {

    /** The prefix of every logger name this listener uses. */
    public static final String LOGGER_PREFIX = "io.kafkaex.telemetry.";

    private final Map<TelemetryEventName, Logger> loggers = new EnumMap<>(TelemetryEventName.class);

    /** Logs through the SLF4J binding on the class path. */
    public LoggingTelemetryListener() {
        this(LoggerFactory::getLogger);
    }

    LoggingTelemetryListener(Function<String, Logger> loggerFactory) {
        for (TelemetryEventName name : TelemetryEventName.values()) {
            loggers.put(name, loggerFactory.apply(LOGGER_PREFIX + name.family()));
        }
    }

    @Override
    public void onEvent(TelemetryEvent event) {
        Logger logger = loggers.get(event.name());
        if (event instanceof ThrownEvent thrown) {
            if (logger.isWarnEnabled()) {
                logger.warn(EventLine.of(event), thrown.exception());
            }
        } else if (logger.isDebugEnabled()) {
            logger.debug(EventLine.of(event));
        }
    }
}
