package io.kafkaex.telemetry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps what it is given, from {@code threshold} up, so tests can read log lines. */
final class CapturingLogger extends LegacyAbstractLogger {

    /** One logged line, its arguments already formatted in. */
    record Line(String logger, Level level, String message, Throwable throwable) {
    }

    private final Level threshold;
    private final List<Line> lines;

    CapturingLogger(String name, Level threshold, List<Line> lines) {
        this.name = name;
        this.threshold = threshold;
        this.lines = lines;
    }

    /** A logger that writes into a list of its own. */
    static CapturingLogger capturing(Level threshold) {
        return new CapturingLogger("test", threshold, new CopyOnWriteArrayList<>());
    }

    List<Line> lines() {
        return lines;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        lines.add(new Line(name, level, MessageFormatter.basicArrayFormat(pattern, arguments), throwable));
    }
}
