package io.kafkaex.autoconfigure;

import java.util.List;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Kafka cluster is: the bootstrap servers. Taken from {@code kafkaex.bootstrap-servers} unless a bean of this
 * type is defined, e.g. by a Testcontainers {@code @ServiceConnection}. Read on the thread that creates the KafkaEx
 * beans.
 */
public interface KafkaExConnectionDetails extends ConnectionDetails {

    /** host:port pairs for the first connection to the cluster. */
    List<String> getBootstrapServers();
}
