package io.kafkaex.spring.listener;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.spring.annotation.KafkaExListener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A Boot application with one {@code @KafkaExListener}, run in a JVM of its own by {@link VirtualThreadListenerIT} (on
 * a JDK 21 or later): prints {@value #REPORT}{@code <true|false> <thread>} for the first record its listener gets,
 * whether that invocation ran on a virtual thread, then closes and exits. Arguments: bootstrap servers, topic, and
 * further {@code --name=value} properties.
 */
public final class VirtualThreadListenerMain {

    /** The start of the line the listener prints. */
    static final String REPORT = "LISTENER-THREAD virtual=";

    private VirtualThreadListenerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String[] properties = new String[args.length];
        properties[0] = "--kafkaex.bootstrap-servers=" + args[0];
        properties[1] = "--virtual-thread-it.topic=" + args[1];
        System.arraycopy(args, 2, properties, 2, args.length - 2);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).run(properties)) {
            boolean reported = context.getBean(App.class).reported.await(60, TimeUnit.SECONDS);
            System.exit(reported ? 0 : 2);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(KafkaExAutoConfiguration.class)
    @Import(KafkaExListenerIT.Common.class)
    static class App {
        final CountDownLatch reported = new CountDownLatch(1);

        @KafkaExListener(id = "virtual-child", topics = "${virtual-thread-it.topic}")
        void listen(String value) throws ReflectiveOperationException {
            Thread thread = Thread.currentThread();
            boolean virtual = (boolean) Thread.class.getMethod("isVirtual").invoke(thread); // language level 17
            System.out.println(REPORT + virtual + " " + thread);
            System.out.flush();
            reported.countDown();
        }
    }
}
