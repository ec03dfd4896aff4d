package io.kafkaex.spring.listener;

import java.util.List;
import org.springframework.core.ResolvableType;

/**
 * Calls the listener code with the arguments its parameters ask for. One per listener; thread-safe (partitions invoke
 * it in parallel).
 */
public interface ListenerInvoker {

    /** The type the record keys are converted to. */
    ResolvableType keyType();

    /** The type the record values are converted to. */
    ResolvableType payloadType();

    /**
     * Invokes the listener with one record, or with the batch for a batch listener.
     *
     * @return what the method returned (a reply for {@code @SendTo}), or {@code null}
     * @throws InvocationFailure wrapping what the method threw
     */
    Object invoke(List<ConsumedRecord<Object, Object>> records, Acknowledgment acknowledgment, String groupId)
            throws InvocationFailure;

    /** What a listener method threw, as its cause; the container hands the cause to the error handler. */
    final class InvocationFailure extends Exception {

        public InvocationFailure(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
