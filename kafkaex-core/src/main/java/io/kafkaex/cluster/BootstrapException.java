package io.kafkaex.cluster;

import io.kafkaex.KafkaExException;

import java.util.List;

/**
 * No bootstrap server answered: the message lists every address tried and why each failed, so a wrong
 * port, a stopped broker or a DNS problem is visible at a glance.
 */
public class BootstrapException extends KafkaExException {

    private final List<String> attempts;

    public BootstrapException(List<String> attempts) {
        this(attempts, List.of());
    }

    /**
     * With the failures of the attempts: the first is the cause, the others are suppressed, so a typed failure
     * (say a {@code KafkaAuthenticationException} for wrong credentials) stays reachable.
     */
    public BootstrapException(List<String> attempts, List<Throwable> failures) {
        super("Cannot reach any bootstrap server. Tried:\n  " + String.join("\n  ", attempts)
                + "\nCheck that a broker is running there, that the addresses and ports are right, and that the"
                + " security settings (TLS, SASL) match the broker's listener.",
                failures.isEmpty() ? null : failures.get(0));
        this.attempts = List.copyOf(attempts);
        failures.stream().skip(1).forEach(this::addSuppressed);
    }

    /** One line per address tried: the address and why it failed. */
    public List<String> attempts() {
        return attempts;
    }
}
