package io.kafkaex.security;

import io.kafkaex.network.AuthenticationExchange;
import io.kafkaex.network.BrokerApiVersions;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.protocol.ProtocolMessage;
import io.kafkaex.protocol.ProtocolReader;
import io.kafkaex.protocol.ProtocolWriter;
import io.kafkaex.protocol.message.ApiVersionsResponse;
import io.kafkaex.telemetry.BrokerInfo;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A connection's authentication view backed by a script instead of a broker: each request is encoded at the
 * negotiated version, answered by the script, and the answer goes through the real encoder and the request's
 * own parser. Synchronous; test thread only.
 */
final class FakeSaslBroker implements AuthenticationExchange {

    static final InetSocketAddress ADDRESS = InetSocketAddress.createUnresolved("fake-broker", 9093);
    static final BrokerInfo BROKER_INFO = new BrokerInfo(7, "fake-broker", 9093);

    private final InetSocketAddress address;
    private final BrokerApiVersions versions;
    private final Function<ProtocolMessage, ProtocolMessage> script;
    final List<ProtocolMessage> requests = new ArrayList<>();
    /** The version each request of {@link #requests} was sent at. */
    final List<Short> requestVersions = new ArrayList<>();
    /** Bare SASL tokens sent after a SaslHandshake v0, and how the broker answers each. */
    final List<byte[]> rawTokens = new ArrayList<>();
    Function<byte[], byte[]> rawScript = token -> {
        throw new AssertionError("no bare token expected");
    };
    /** What {@link #isReauthentication()} answers; a test sets it to play a re-authentication. */
    boolean reauthentication;

    FakeSaslBroker(int handshakeMax, boolean saslAuthenticate, Function<ProtocolMessage, ProtocolMessage> script) {
        this(ADDRESS, handshakeMax, saslAuthenticate, script);
    }

    /**
     * A broker at {@code address} (AWS_MSK_IAM signs for its host name) offering SaslHandshake up to
     * {@code handshakeMax} (none when negative) and SaslAuthenticate if {@code saslAuthenticate}.
     */
    FakeSaslBroker(InetSocketAddress address, int handshakeMax, boolean saslAuthenticate,
            Function<ProtocolMessage, ProtocolMessage> script) {
        this.address = address;
        List<ApiVersionsResponse.ApiVersion> apis = new ArrayList<>();
        if (handshakeMax >= 0) {
            apis.add(new ApiVersionsResponse.ApiVersion().setApiKey((short) 17).setMinVersion((short) 0)
                    .setMaxVersion((short) handshakeMax));
        }
        if (saslAuthenticate) {
            apis.add(new ApiVersionsResponse.ApiVersion().setApiKey((short) 36).setMinVersion((short) 0).setMaxVersion((short) 2));
        }
        this.versions = BrokerApiVersions.from(new ApiVersionsResponse().setApiKeys(apis));
        this.script = script;
    }

    @Override
    public InetSocketAddress broker() {
        return address;
    }

    @Override
    public BrokerInfo brokerInfo() {
        return BROKER_INFO;
    }

    @Override
    public boolean isReauthentication() {
        return reauthentication;
    }

    @Override
    public BrokerApiVersions apiVersions() {
        return versions;
    }

    @Override
    public <T> CompletableFuture<T> send(RequestSpec<T> spec) {
        short version = versions.negotiate(spec.api(), spec.maxVersion());
        ProtocolMessage request = spec.body().apply(version);
        requests.add(request);
        requestVersions.add(version);
        ProtocolMessage response = script.apply(request);
        ByteBuffer buffer = ByteBuffer.allocate(response.size(version));
        response.write(new ProtocolWriter(buffer), version);
        return CompletableFuture.completedFuture(spec.parser().apply(new ProtocolReader(buffer.flip()), version));
    }

    @Override
    public CompletableFuture<byte[]> sendRawToken(byte[] token) {
        rawTokens.add(token);
        return CompletableFuture.completedFuture(rawScript.apply(token));
    }

    @Override
    public Executor eventLoop() {
        return Runnable::run;
    }
}
