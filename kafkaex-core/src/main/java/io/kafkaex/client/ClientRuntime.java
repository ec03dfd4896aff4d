package io.kafkaex.client;

import io.kafkaex.cluster.Bootstrap;
import io.kafkaex.cluster.CoordinatorLookup;
import io.kafkaex.cluster.CoordinatorType;
import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.cluster.MetadataRefreshPolicy;
import io.kafkaex.cluster.Node;
import io.kafkaex.network.ConnectionAuthenticator;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.security.SaslAuthenticator;
import io.kafkaex.telemetry.ClientState;
import io.kafkaex.telemetry.Telemetry;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The machinery every KafkaEx client owns, started from {@link KafkaExClientOptions}: telemetry, the network
 * event loop with its authenticator and TLS, cluster metadata, and the executor that completes futures off the
 * network thread. {@link KafkaExClient} and {@code KafkaExProducer} are built on one each; it is not an
 * application API.
 *
 * <p>Thread-safe; {@link #close()} once, by the owner.
 */
public final class ClientRuntime implements AutoCloseable {

    private final KafkaExClientOptions options;
    private final Telemetry telemetry;
    private final NetworkClient network;
    private final MetadataManager metadata;
    private final CallbackExecutor callbacks;
    private final BrokerRouter brokers;
    private final CoordinatorLookup coordinators;
    private final ClientState state = new RuntimeState();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClientRuntime(KafkaExClientOptions options) {
        this.options = options;
        this.callbacks = CallbackExecutor.of(options);
        this.telemetry = Telemetry.of(options.telemetryListeners());
        this.network = new NetworkClient(options.networkOptions(), telemetry, authenticator(options, telemetry), options.tls());
        Bootstrap bootstrap = new Bootstrap(network, options.bootstrapServers(), options.requestTimeout(),
                System::currentTimeMillis);
        this.metadata = new MetadataManager(network, bootstrap, new MetadataRefreshPolicy(options.metadataRefreshInterval(),
                options.metadataMinBackoff(), System::currentTimeMillis), options.requestTimeout(), System::currentTimeMillis,
                telemetry, options.clientId());
        this.brokers = new BrokerRouter(network, metadata);
        this.coordinators = new CoordinatorLookup(network, options.requestTimeout());
        telemetry.clientStarted(state);
    }

    /** Starts the runtime; it connects lazily, on the first request. */
    public static ClientRuntime start(KafkaExClientOptions options) {
        return new ClientRuntime(options);
    }

    public KafkaExClientOptions options() {
        return options;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    public NetworkClient network() {
        return network;
    }

    public MetadataManager metadata() {
        return metadata;
    }

    /** The least-loaded broker, for a request any broker can answer; bootstraps first when there is no metadata yet. */
    public CompletableFuture<InetSocketAddress> anyBroker() {
        return brokers.anyBroker();
    }

    /**
     * The coordinator of a consumer group or transactional id, asked through any broker and cached (one cache for the
     * client's group calls and the producer's transactions) until {@link #forgetCoordinator} drops it.
     *
     * @return fails with the broker's error (a typed {@code KafkaErrorException}) or a network failure
     */
    public CompletableFuture<Node> coordinator(CoordinatorType type, String key) {
        return anyBroker().thenCompose(broker -> coordinators.coordinator(type, key, broker));
    }

    /**
     * Forgets the cached coordinator of {@code key} when {@code error} says it moved or is unavailable; a coordinator
     * that could not be reached (lost connection, timeout) counts as unavailable.
     */
    public void forgetCoordinator(CoordinatorType type, String key, KafkaError error) {
        coordinators.invalidate(type, key, CoordinatorCalls.unreachableAsUnavailable(error));
    }

    /** Routes cluster-wide requests: to any broker, the controller or one broker by id. */
    BrokerRouter brokerRouter() {
        return brokers;
    }

    /** Where results are completed: never the network thread. */
    public Executor callbacks() {
        return callbacks;
    }

    /** Fails what is pending, closes every connection, stops the network thread and the owned callback threads. */
    @Override
    public void close() {
        network.close(); // fails what is pending first, so those results reach their callers
        callbacks.shutdown();
        if (closed.compareAndSet(false, true)) {
            telemetry.clientClosed(state);
        }
    }

    /** What telemetry listeners may read of this runtime. */
    private final class RuntimeState implements ClientState {

        @Override
        public String clientId() {
            return options.clientId();
        }

        @Override
        public int requestsInFlight() {
            return network.requestsInFlight();
        }

        @Override
        public boolean isClosed() {
            return network.isClosed();
        }
    }

    private static ConnectionAuthenticator authenticator(KafkaExClientOptions options, Telemetry telemetry) {
        if (options.awsMskIam() != null) {
            return SaslAuthenticator.awsMskIam(options.awsMskIam(), telemetry);
        }
        if (options.oauthBearer() != null) {
            return SaslAuthenticator.oauthBearer(options.oauthBearer().newTokenCache(), options.oauthBearer().extensions(),
                    telemetry);
        }
        return options.sasl() == null ? ConnectionAuthenticator.NONE : new SaslAuthenticator(options.sasl(), telemetry);
    }
}
