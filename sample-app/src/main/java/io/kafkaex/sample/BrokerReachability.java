package io.kafkaex.sample;

import io.kafkaex.autoconfigure.KafkaExProperties;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Tells whether each configured bootstrap server accepts TCP connections: logged at start-up and served
 * by {@link BrokerController}. A placeholder until the KafkaEx client lands; then the sample sends and
 * receives records instead. Any thread may call it.
 */
@Component
public class BrokerReachability implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BrokerReachability.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final KafkaExProperties properties;

    public BrokerReachability(KafkaExProperties properties) {
        this.properties = properties;
    }

    /** One connection attempt per bootstrap server. */
    public List<BootstrapServerStatus> check() {
        return properties.getBootstrapServers().stream().map(BrokerReachability::probe).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        for (BootstrapServerStatus status : check()) {
            if (status.reachable()) {
                log.info("Kafka bootstrap server {} is reachable", status.address());
            } else {
                log.warn("Kafka bootstrap server {} is not reachable: {}. Set kafkaex.bootstrap-servers, or start "
                        + "the sample with its embedded broker (see the README).", status.address(), status.problem());
            }
        }
    }

    private static BootstrapServerStatus probe(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            return new BootstrapServerStatus(address, false, "expected host:port");
        }
        try (Socket socket = new Socket()) {
            int port = Integer.parseInt(address.substring(colon + 1).trim());
            socket.connect(new InetSocketAddress(address.substring(0, colon).trim(), port), (int) CONNECT_TIMEOUT.toMillis());
            return new BootstrapServerStatus(address, true, null);
        } catch (IOException | IllegalArgumentException e) {
            return new BootstrapServerStatus(address, false, e.getMessage());
        }
    }

    /** Whether {@code address} accepted a connection, and if not, why. */
    public record BootstrapServerStatus(String address, boolean reachable, String problem) {
    }
}
