package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.template}: the KafkaExTemplate. Part of {@link KafkaExProperties}; bound at start-up,
 * read-only afterwards.
 */
public class TemplateProperties {

    /** Topic of KafkaExTemplate.sendDefault and of messages sent without a kafkaex_topic header. */
    private String defaultTopic;

    /**
     * Whether each send is a Micrometer observation ("kafkaex.template") whose trace context goes into the record
     * headers; needs an ObservationRegistry bean.
     */
    private boolean observationEnabled;

    public String getDefaultTopic() {
        return defaultTopic;
    }

    public void setDefaultTopic(String defaultTopic) {
        this.defaultTopic = defaultTopic;
    }

    public boolean isObservationEnabled() {
        return observationEnabled;
    }

    public void setObservationEnabled(boolean observationEnabled) {
        this.observationEnabled = observationEnabled;
    }
}
