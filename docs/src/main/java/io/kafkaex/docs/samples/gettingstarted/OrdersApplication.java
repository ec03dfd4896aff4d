package io.kafkaex.docs.samples.gettingstarted;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of the getting-started guide; {@code OrderServiceIT} runs it against a real broker. */
// tag::application[]
@SpringBootApplication
public class OrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}
// end::application[]
