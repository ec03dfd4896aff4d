package io.kafkaex.autoconfigure.nojackson;

import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.core.KafkaExTemplate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application with the starter but without Jackson on its class path (a worker without web support), run by
 * {@link NoJacksonApplicationTest} in a JVM of its own: it prints {@value #STARTED} once its context, with a template
 * and a String listener, has started.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class NoJacksonApplication {

    static final String STARTED = "NO-JACKSON-CONTEXT-STARTED";

    @KafkaExListener(topics = "no-jackson", autoStartup = "false")
    void listen(String value) {
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoJacksonApplication.class)
                .web(WebApplicationType.NONE).run("--kafkaex.bootstrap-servers=127.0.0.1:1")) {
            context.getBean(KafkaExTemplate.class);
            System.out.println(STARTED);
        }
    }
}
