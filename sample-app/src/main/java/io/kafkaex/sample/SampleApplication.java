package io.kafkaex.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The KafkaEx sample application. Run it against your own cluster with
 * {@code kafkaex.bootstrap-servers}, or with an embedded broker through {@code TestSampleApplication}
 * (see the README).
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
