package io.kafkaex.benchmarks;

import io.kafkaex.spring.annotation.KafkaExListener;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The Spring Boot applications {@link SpringThroughputBenchmark} starts: for each client one that only sends (the
 * template its auto-configuration makes) and one with a single record listener. Each enables Boot's
 * auto-configuration with the other client's Kafka auto-configuration excluded, so a context holds one client only.
 * The listener's topic, group and concurrency come from the {@code benchmark.*} properties the benchmark sets per run;
 * the {@link HandledRecords} bean is registered by the benchmark. Holder of nested types only.
 */
final class SpringBenchmarkApplications {

    static final String TOPIC = "${benchmark.topic}";
    static final String GROUP = "${benchmark.group}";
    static final String CONCURRENCY = "${benchmark.concurrency}";
    static final String KAFKAEX_AUTO_CONFIGURATION = "io.kafkaex.autoconfigure.KafkaExAutoConfiguration";
    static final String BOOT_KAFKA_AUTO_CONFIGURATION = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration";

    private SpringBenchmarkApplications() {
    }

    /** The KafkaEx starter's auto-configuration, used through its {@code KafkaExTemplate}. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = BOOT_KAFKA_AUTO_CONFIGURATION)
    static class KafkaExSender {
    }

    /** Boot's Kafka auto-configuration (spring-kafka on kafka-clients), used through its {@code KafkaTemplate}. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = KAFKAEX_AUTO_CONFIGURATION)
    static class SpringKafkaSender {
    }

    /** The KafkaEx starter with one {@link KafkaExRecordListener}. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = BOOT_KAFKA_AUTO_CONFIGURATION)
    @Import(KafkaExRecordListener.class)
    static class KafkaExReceiver {
    }

    /** Boot's Kafka auto-configuration with one {@link SpringKafkaRecordListener}. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = KAFKAEX_AUTO_CONFIGURATION)
    @Import(SpringKafkaRecordListener.class)
    static class SpringKafkaReceiver {
    }

    /** What both listeners do with a record: count it. */
    abstract static class CountingListener {

        private final HandledRecords handled;

        CountingListener(HandledRecords handled) {
            this.handled = handled;
        }

        void count() {
            handled.handled();
        }
    }

    /** A {@code @KafkaExListener} record listener with a String payload; called on KafkaEx's partition workers. */
    public static class KafkaExRecordListener extends CountingListener {

        public KafkaExRecordListener(HandledRecords handled) {
            super(handled);
        }

        @KafkaExListener(id = "spring-throughput", topics = TOPIC, groupId = GROUP, concurrency = CONCURRENCY)
        public void onRecord(String value) {
            count();
        }
    }

    /** A spring-kafka {@code @KafkaListener} record listener with a String payload; called on its consumer threads. */
    public static class SpringKafkaRecordListener extends CountingListener {

        public SpringKafkaRecordListener(HandledRecords handled) {
            super(handled);
        }

        @KafkaListener(id = "spring-throughput", topics = TOPIC, groupId = GROUP, concurrency = CONCURRENCY)
        public void onRecord(String value) {
            count();
        }
    }
}
