package io.kafkaex.spring.listener;

/**
 * Hears every failed listener invocation and what the {@link ListenerErrorHandler} decided about it: for meters and
 * alerts (the metrics auto-configuration counts them as {@code kafkaex.listener.failures}). Every bean of this type is
 * told, in {@link org.springframework.core.Ordered} order.
 *
 * <p>Threads: called on the failed partition's worker thread, partitions in parallel; must be thread-safe and quick.
 * One that throws is logged and the delivery goes on as decided.
 */
@FunctionalInterface
public interface ListenerFailureListener {

    /**
     * @param delivery the failed invocation
     * @param decision what the error handler decided: retry it, or recovered (e.g. dead-lettered)
     */
    void onFailure(FailedDelivery delivery, ErrorDecision decision);
}
