package io.kafkaex.telemetry;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Locale;

/**
 * Renders an event as one log line: its dotted name, then {@code key=value} pairs of every record component in
 * declaration order, the family {@code Metadata} flattened into the line. Durations are shown in milliseconds,
 * an {@link Outcome} as {@code result=ok} or {@code result=error error=<name>}, a throwable as its
 * {@code toString()}. Stateless and thread-safe; used by {@link LoggingTelemetryListener}.
 */
final class EventLine {

    private EventLine() {
    }

    static String of(TelemetryEvent event) {
        StringBuilder line = new StringBuilder(event.name().path());
        appendComponents(line, (Record) event);
        return line.toString();
    }

    private static void appendComponents(StringBuilder line, Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = valueOf(component, record);
            if (component.getName().equals("metadata")) {
                appendComponents(line, (Record) value);
            } else if (value instanceof Outcome outcome) {
                line.append(" result=").append(outcome.result().name().toLowerCase(Locale.ROOT));
                if (!outcome.isOk()) {
                    line.append(" error=").append(outcome.errorName());
                }
            } else if (value instanceof Duration duration) {
                line.append(' ').append(component.getName()).append('=')
                        .append(String.format(Locale.ROOT, "%.3fms", duration.toNanos() / 1e6));
            } else {
                line.append(' ').append(component.getName()).append('=').append(value);
            }
        }
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component + " of " + record.getClass(), e);
        }
    }
}
