package io.kafkaex.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start-up failure caused by an {@link InvalidKafkaExPropertyException}: which {@code kafkaex.*} property has
 * which value, why it was refused, and what to set instead. Registered in {@code META-INF/spring.factories}; Spring
 * Boot calls it on the thread whose context refresh failed.
 */
class KafkaExPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidKafkaExPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidKafkaExPropertyException cause) {
        StringBuilder description = new StringBuilder("Invalid value '").append(cause.getValue())
                .append("' for property '").append(cause.getProperty()).append("'.");
        if (cause.getCause() != null) {
            description.append("\n\nReason: ").append(cause.getCause().getMessage());
        }
        String action = "Update '" + cause.getProperty() + "' in your application's configuration: it must be "
                + cause.getAllowed() + ".";
        return new FailureAnalysis(description.toString(), action, cause);
    }
}
