package io.kafkaex.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The KafkaEx sample application: orders placed over REST ({@link OrderController}) travel through Kafka to a record
 * listener ({@link OrderListener}), a batch listener ({@link OrderAuditListener}), a listener with manual
 * acknowledgment ({@link OrderShippingListener}) and, when processing fails, through the dead-letter topic to
 * {@link DeadLetterListener}. Run it against your own cluster with {@code kafkaex.bootstrap-servers}, or with an
 * embedded broker through {@code TestSampleApplication} (see the README).
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
