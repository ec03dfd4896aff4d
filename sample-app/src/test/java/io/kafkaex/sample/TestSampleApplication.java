package io.kafkaex.sample;

import org.springframework.boot.SpringApplication;

/**
 * Starts the sample application for development: with a real Kafka broker from the test harness unless
 * {@code kafkaex.bootstrap-servers} is configured. Run it with
 * {@code ./mvnw -pl sample-app -am spring-boot:test-run}.
 */
public class TestSampleApplication {

    public static void main(String[] args) {
        SpringApplication.from(SampleApplication::main).with(EmbeddedKafkaConfiguration.class).run(args);
    }
}
