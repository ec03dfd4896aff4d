package io.kafkaex.spring.listener;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.util.List;
import org.springframework.core.ResolvableType;

/**
 * Runs each invocation of a listener in a Micrometer observation ({@value DefaultKafkaExListenerObservationConvention#NAME}
 * by default): started before the call, in scope while the listener runs (so the listener's own spans and logs join
 * the record's trace), given what the listener threw, stopped after the call. Thread-safe, as its delegate.
 */
final class ObservedListenerInvoker implements ListenerInvoker {

    private final ListenerInvoker delegate;
    private final String listenerId;
    private final ObservationRegistry registry;
    private final KafkaExListenerObservationConvention convention;

    /** @param convention replaces the default naming and tags, or {@code null} */
    ObservedListenerInvoker(ListenerInvoker delegate, String listenerId, ObservationRegistry registry,
            KafkaExListenerObservationConvention convention) {
        this.delegate = delegate;
        this.listenerId = listenerId;
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public ResolvableType keyType() {
        return delegate.keyType();
    }

    @Override
    public ResolvableType payloadType() {
        return delegate.payloadType();
    }

    @Override
    public Object invoke(List<ConsumedRecord<Object, Object>> records, Acknowledgment acknowledgment, String groupId)
            throws InvocationFailure {
        KafkaExListenerReceiverContext context = new KafkaExListenerReceiverContext(listenerId, groupId, records);
        Observation observation = Observation.createNotStarted(convention,
                DefaultKafkaExListenerObservationConvention.INSTANCE, () -> context, registry).start();
        try (Observation.Scope scope = observation.openScope()) {
            return delegate.invoke(records, acknowledgment, groupId);
        } catch (InvocationFailure failure) {
            observation.error(failure.getCause());
            throw failure;
        } catch (RuntimeException | Error failure) {
            observation.error(failure);
            throw failure;
        } finally {
            observation.stop();
        }
    }
}
