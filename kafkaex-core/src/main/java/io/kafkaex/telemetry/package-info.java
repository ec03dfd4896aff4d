/**
 * The telemetry SPI: one callback per kafka_ex telemetry event, so that metrics, tracing and logging can
 * observe the client without the client knowing them.
 *
 * <ul>
 *   <li>{@link io.kafkaex.telemetry.KafkaExTelemetryListener}: what users implement; one default no-op
 *       callback per event.</li>
 *   <li>{@link io.kafkaex.telemetry.Telemetry}: what the client calls; fans an event out to the listeners,
 *       isolates failing listeners and costs nothing when there are none.</li>
 *   <li>{@link io.kafkaex.telemetry.TelemetryEvent} and its families ({@link io.kafkaex.telemetry.RequestEvent},
 *       {@link io.kafkaex.telemetry.ProduceEvent}, ...): immutable records with the event's measurements and
 *       metadata.</li>
 *   <li>{@link io.kafkaex.telemetry.LoggingTelemetryListener}: a ready-made listener that logs every event.</li>
 * </ul>
 *
 * <p>Callbacks run on the client's event-loop (I/O) thread or on its worker threads: listeners must be
 * fast, must not block and must be thread-safe. See {@code docs/telemetry.md} for the event table.
 */
package io.kafkaex.telemetry;
