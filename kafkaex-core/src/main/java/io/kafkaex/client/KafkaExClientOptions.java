package io.kafkaex.client;

import io.kafkaex.cluster.BootstrapServer;
import io.kafkaex.network.NetworkOptions;
import io.kafkaex.security.tls.TlsOptions;
import io.kafkaex.security.AwsCredentialsProvider;
import io.kafkaex.security.AwsMskIamOptions;
import io.kafkaex.security.AwsSdkAvailability;
import io.kafkaex.security.AwsSdkCredentials;
import io.kafkaex.security.Password;
import io.kafkaex.security.OAuthBearerExtensions;
import io.kafkaex.security.OAuthBearerOptions;
import io.kafkaex.security.OAuthBearerTokenCache;
import io.kafkaex.security.OAuthBearerTokenProvider;
import io.kafkaex.security.SaslCredentials;
import io.kafkaex.security.SaslMechanism;
import io.kafkaex.security.SecurityProtocol;
import io.kafkaex.telemetry.KafkaExTelemetryListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The settings of a KafkaEx client, immutable and validated when built: each invalid value is reported with
 * the option's name and what is allowed. Defaults are the {@code DEFAULT_*} constants; where kafka_ex's
 * defaults caused trouble the Java client's are used instead, and the constant says why.
 *
 * <pre>{@code
 * KafkaExClientOptions options = KafkaExClientOptions.builder()
 *         .bootstrapServers("kafka-1:9092,kafka-2:9092")
 *         .clientId("orders-service")
 *         .requestTimeout(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 */
public final class KafkaExClientOptions {

    /** kafka_ex's client id. */
    public static final String DEFAULT_CLIENT_ID = "kafka_ex";
    /**
     * How long a request may wait for its response, as the Java client's {@code request.timeout.ms}.
     * kafka_ex's sync_timeout defaults (1 to 10 s, inconsistent) are shorter than a default fetch wait.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Periodic metadata refresh, as the Java client's {@code metadata.max.age.ms} (kafka_ex: 30 s). */
    public static final Duration DEFAULT_METADATA_REFRESH_INTERVAL = Duration.ofMinutes(5);
    /** The least time between two metadata refreshes, as the Java client's {@code retry.backoff.ms}. */
    public static final Duration DEFAULT_METADATA_MIN_BACKOFF = Duration.ofMillis(100);
    /** Retries of a failed operation after the first attempt (0 = one attempt only). */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** First delay between retries; doubles per retry up to {@link #DEFAULT_RETRY_BACKOFF_MAX}. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_RETRY_BACKOFF_MAX = Duration.ofSeconds(1);

    private final List<BootstrapServer> bootstrapServers;
    private final String clientId;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final Duration metadataRefreshInterval;
    private final Duration metadataMinBackoff;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final Duration retryBackoffMax;
    private final Duration reconnectBackoff;
    private final Duration reconnectBackoffMax;
    private final Duration connectionMaxIdle;
    private final int maxInFlightPerConnection;
    private final int maxResponseBytes;
    private final List<KafkaExTelemetryListener> telemetryListeners;
    private final Executor callbackExecutor;
    private final TlsOptions tls;
    private final SecurityProtocol securityProtocol;
    private final SaslCredentials sasl;
    private final OAuthBearerOptions oauthBearer;
    private final AwsMskIamOptions awsMskIam;

    private KafkaExClientOptions(Builder builder, OAuthBearerOptions oauthBearer, AwsMskIamOptions awsMskIam) {
        this.oauthBearer = oauthBearer;
        this.awsMskIam = awsMskIam;
        this.bootstrapServers = List.copyOf(builder.bootstrapServers);
        this.clientId = builder.clientId;
        this.requestTimeout = builder.requestTimeout;
        this.connectTimeout = builder.connectTimeout;
        this.metadataRefreshInterval = builder.metadataRefreshInterval;
        this.metadataMinBackoff = builder.metadataMinBackoff;
        this.maxRetries = builder.maxRetries;
        this.retryBackoff = builder.retryBackoff;
        this.retryBackoffMax = builder.retryBackoffMax;
        this.reconnectBackoff = builder.reconnectBackoff;
        this.reconnectBackoffMax = builder.reconnectBackoffMax;
        this.connectionMaxIdle = builder.connectionMaxIdle;
        this.maxInFlightPerConnection = builder.maxInFlightPerConnection;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.telemetryListeners = List.copyOf(builder.telemetryListeners);
        this.callbackExecutor = builder.callbackExecutor;
        // tls(...) alone means SSL (kafka_ex's use_ssl with ssl_options); SSL without tls(...) trusts the JDK's CAs
        this.tls = builder.tls != null ? builder.tls : builder.securityProtocol.usesTls() ? TlsOptions.defaults() : null;
        this.securityProtocol = builder.tls != null && builder.securityProtocol == SecurityProtocol.PLAINTEXT
                ? SecurityProtocol.SSL : builder.securityProtocol;
        this.sasl = builder.sasl;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.bootstrapServers.addAll(bootstrapServers);
        builder.clientId = clientId;
        builder.requestTimeout = requestTimeout;
        builder.connectTimeout = connectTimeout;
        builder.metadataRefreshInterval = metadataRefreshInterval;
        builder.metadataMinBackoff = metadataMinBackoff;
        builder.maxRetries = maxRetries;
        builder.retryBackoff = retryBackoff;
        builder.retryBackoffMax = retryBackoffMax;
        builder.reconnectBackoff = reconnectBackoff;
        builder.reconnectBackoffMax = reconnectBackoffMax;
        builder.connectionMaxIdle = connectionMaxIdle;
        builder.maxInFlightPerConnection = maxInFlightPerConnection;
        builder.maxResponseBytes = maxResponseBytes;
        builder.telemetryListeners.addAll(telemetryListeners);
        builder.callbackExecutor = callbackExecutor;
        builder.tls = tls;
        builder.securityProtocol = securityProtocol;
        builder.sasl = sasl;
        if (oauthBearer != null) {
            builder.oauthBearer(oauthBearer.provider(), oauthBearer.extensions().asMap());
            builder.oauthBearerRefreshWindow(oauthBearer.refreshWindow());
        }
        if (awsMskIam != null) {
            builder.awsMskIam(awsMskIam.region(), awsMskIam.credentials());
        }
        return builder;
    }

    public List<BootstrapServer> bootstrapServers() {
        return bootstrapServers;
    }

    public String clientId() {
        return clientId;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration metadataRefreshInterval() {
        return metadataRefreshInterval;
    }

    public Duration metadataMinBackoff() {
        return metadataMinBackoff;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    public Duration retryBackoffMax() {
        return retryBackoffMax;
    }

    public Duration connectionMaxIdle() {
        return connectionMaxIdle;
    }

    public int maxInFlightPerConnection() {
        return maxInFlightPerConnection;
    }

    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    public List<KafkaExTelemetryListener> telemetryListeners() {
        return telemetryListeners;
    }

    /**
     * Where the client completes the futures it returns; {@code null} (the default) for a pool the client owns
     * and stops on close. A given executor must run tasks promptly and is not shut down by the client.
     */
    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    /** TLS settings of every broker connection; {@code null} (the default) for plain TCP. */
    public TlsOptions tls() {
        return tls;
    }

    /** How connections are secured; {@link SecurityProtocol#PLAINTEXT} by default. */
    public SecurityProtocol securityProtocol() {
        return securityProtocol;
    }

    /** The SASL mechanism and credentials, or {@code null} when the security protocol uses no SASL. */
    public SaslCredentials sasl() {
        return sasl;
    }

    /** The OAUTHBEARER settings, or {@code null} when the client does not authenticate with OAUTHBEARER. */
    public OAuthBearerOptions oauthBearer() {
        return oauthBearer;
    }

    /** The AWS_MSK_IAM settings, or {@code null} when the client does not authenticate with AWS_MSK_IAM. */
    public AwsMskIamOptions awsMskIam() {
        return awsMskIam;
    }

    /** The options that identify the client and its security; never shows a secret. */
    @Override
    public String toString() {
        return "KafkaExClientOptions[bootstrapServers=" + bootstrapServers + ", clientId=" + clientId
                + ", securityProtocol=" + securityProtocol + ", sasl=" + sasl
                + (oauthBearer == null ? "" : ", oauthBearer=" + oauthBearer)
                + (awsMskIam == null ? "" : ", awsMskIam=" + awsMskIam) + "]";
    }

    /** The network layer's share of these options. */
    public NetworkOptions networkOptions() {
        return new NetworkOptions(clientId, maxResponseBytes, maxInFlightPerConnection, connectTimeout, reconnectBackoff,
                reconnectBackoffMax, connectionMaxIdle);
    }

    /** Collects option values; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {

        private final List<BootstrapServer> bootstrapServers = new ArrayList<>();
        private String clientId = DEFAULT_CLIENT_ID;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration connectTimeout = NetworkOptions.DEFAULT_CONNECT_TIMEOUT;
        private Duration metadataRefreshInterval = DEFAULT_METADATA_REFRESH_INTERVAL;
        private Duration metadataMinBackoff = DEFAULT_METADATA_MIN_BACKOFF;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Duration retryBackoffMax = DEFAULT_RETRY_BACKOFF_MAX;
        private Duration reconnectBackoff = NetworkOptions.DEFAULT_RECONNECT_BACKOFF;
        private Duration reconnectBackoffMax = NetworkOptions.DEFAULT_RECONNECT_BACKOFF_MAX;
        private Duration connectionMaxIdle = NetworkOptions.DEFAULT_CONNECTION_MAX_IDLE;
        private int maxInFlightPerConnection = NetworkOptions.DEFAULT_MAX_IN_FLIGHT;
        private int maxResponseBytes = NetworkOptions.DEFAULT_MAX_FRAME_BYTES;
        private final List<KafkaExTelemetryListener> telemetryListeners = new ArrayList<>();
        private Executor callbackExecutor;
        private TlsOptions tls;
        private SecurityProtocol securityProtocol = SecurityProtocol.PLAINTEXT;
        private SaslCredentials sasl;
        private boolean saslIncomplete;
        private OAuthBearerTokenProvider oauthProvider;
        private Map<String, String> oauthExtensions;
        private double oauthRefreshWindow = OAuthBearerTokenCache.DEFAULT_REFRESH_WINDOW;
        private boolean oauthSet;
        private String awsRegion;
        private AwsCredentialsProvider awsCredentials;
        private boolean awsSet;
        private boolean awsDefaultChain;

        private Builder() {
        }

        /** {@code host:port[,host:port...]}; IPv6 as {@code [address]:port}. Required. */
        public Builder bootstrapServers(String servers) {
            bootstrapServers.clear();
            bootstrapServers.addAll(BootstrapServer.parseList(servers));
            return this;
        }

        public Builder bootstrapServers(List<BootstrapServer> servers) {
            bootstrapServers.clear();
            bootstrapServers.addAll(servers);
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder metadataRefreshInterval(Duration interval) {
            this.metadataRefreshInterval = interval;
            return this;
        }

        public Builder metadataMinBackoff(Duration backoff) {
            this.metadataMinBackoff = backoff;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder retryBackoff(Duration initial, Duration max) {
            this.retryBackoff = initial;
            this.retryBackoffMax = max;
            return this;
        }

        public Builder reconnectBackoff(Duration initial, Duration max) {
            this.reconnectBackoff = initial;
            this.reconnectBackoffMax = max;
            return this;
        }

        public Builder connectionMaxIdle(Duration maxIdle) {
            this.connectionMaxIdle = maxIdle;
            return this;
        }

        public Builder maxInFlightPerConnection(int maxInFlight) {
            this.maxInFlightPerConnection = maxInFlight;
            return this;
        }

        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public Builder telemetryListener(KafkaExTelemetryListener listener) {
            telemetryListeners.add(listener);
            return this;
        }

        /** Completes the client's futures on {@code executor} instead of a pool of its own; {@code null} resets. */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = executor;
            return this;
        }

        /**
         * Connects to brokers over TLS with {@code tls} (kafka_ex's {@code use_ssl}/{@code ssl_options}); with the
         * default security protocol this means SSL, with SASL it needs SASL_SSL; {@code null} for plain TCP.
         */
        public Builder tls(TlsOptions tls) {
            this.tls = tls;
            return this;
        }

        /**
         * How connections are secured: {@code PLAINTEXT} (default), {@code SASL_PLAINTEXT}, {@code SSL} or
         * {@code SASL_SSL}; the TLS ones use {@link #tls(TlsOptions)}, or the JDK's trusted CAs when it is not set.
         */
        public Builder securityProtocol(SecurityProtocol protocol) {
            this.securityProtocol = protocol;
            return this;
        }

        /**
         * Authenticates with SASL {@code mechanism} as {@code username}; needs a {@code SASL_*} security protocol.
         * The password is kept as a {@link Password} and never shown.
         */
        public Builder sasl(SaslMechanism mechanism, String username, String password) {
            return sasl(mechanism, username, password == null ? null : Password.of(password));
        }

        /** As {@link #sasl(SaslMechanism, String, String)} with the password already wrapped. */
        public Builder sasl(SaslMechanism mechanism, String username, Password password) {
            boolean complete = mechanism != null && username != null && !username.isBlank() && password != null
                    && !password.isEmpty();
            this.sasl = complete ? new SaslCredentials(mechanism, username, password) : null;
            this.saslIncomplete = !complete;
            return this;
        }

        /**
         * Authenticates with SASL OAUTHBEARER, sending tokens from {@code provider} with the KIP-342
         * {@code extensions} (keys of ASCII letters other than {@code auth}; {@code null} or empty for none);
         * needs a {@code SASL_*} security protocol. Tokens are cached and a new one is asked for when less than
         * 20 % of the cached one's lifetime is left ({@link #oauthBearerRefreshWindow(double)}).
         */
        public Builder oauthBearer(OAuthBearerTokenProvider provider, Map<String, String> extensions) {
            this.oauthProvider = provider;
            this.oauthExtensions = extensions == null ? null : new LinkedHashMap<>(extensions);
            this.oauthSet = true;
            return this;
        }

        /** The fraction (above 0, below 1; default 0.2) of an OAUTHBEARER token's lifetime left when it is replaced. */
        public Builder oauthBearerRefreshWindow(double fraction) {
            this.oauthRefreshWindow = fraction;
            return this;
        }

        /**
         * Authenticates with SASL AWS_MSK_IAM (Amazon MSK's IAM access control, usually port 9098 with
         * {@code SASL_SSL}), signing for the cluster's AWS {@code region} with credentials from the AWS SDK's
         * default chain; needs {@code software.amazon.awssdk:auth} on the classpath and a {@code SASL_*}
         * security protocol.
         */
        public Builder awsMskIam(String region) {
            awsMskIam(region, null);
            this.awsDefaultChain = true;
            return this;
        }

        /**
         * Authenticates with SASL AWS_MSK_IAM, signing for the cluster's AWS {@code region} with credentials from
         * {@code provider}; needs a {@code SASL_*} security protocol, and no AWS SDK.
         */
        public Builder awsMskIam(String region, AwsCredentialsProvider provider) {
            this.awsRegion = region;
            this.awsCredentials = provider;
            this.awsSet = true;
            this.awsDefaultChain = false;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming every invalid option and what it allows
         */
        public KafkaExClientOptions build() {
            List<String> problems = new ArrayList<>();
            if (bootstrapServers.isEmpty()) {
                problems.add("bootstrapServers is required: host:port[,host:port...]");
            }
            if (clientId == null || clientId.isBlank()) {
                problems.add("clientId must not be blank");
            }
            positive(problems, "requestTimeout", requestTimeout);
            positive(problems, "connectTimeout", connectTimeout);
            positive(problems, "metadataRefreshInterval", metadataRefreshInterval);
            notNegative(problems, "metadataMinBackoff", metadataMinBackoff);
            if (maxRetries < 0) {
                problems.add("maxRetries must be 0 or more (retries after the first attempt), was " + maxRetries);
            }
            ordered(problems, "retryBackoff", retryBackoff, retryBackoffMax);
            ordered(problems, "reconnectBackoff", reconnectBackoff, reconnectBackoffMax);
            positive(problems, "connectionMaxIdle", connectionMaxIdle);
            if (maxInFlightPerConnection < 1) {
                problems.add("maxInFlightPerConnection must be at least 1, was " + maxInFlightPerConnection);
            }
            if (maxResponseBytes < 1024) {
                problems.add("maxResponseBytes must be at least 1024, was " + maxResponseBytes);
            }
            if (telemetryListeners.contains(null)) {
                problems.add("telemetryListener must not be null");
            }
            OAuthBearerOptions oauthBearer = oauthBearer(problems);
            AwsMskIamOptions awsMskIam = awsMskIam(problems);
            security(problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid KafkaEx client options: " + String.join("; ", problems));
            }
            return new KafkaExClientOptions(this, oauthBearer, awsMskIam);
        }

        private OAuthBearerOptions oauthBearer(List<String> problems) {
            if (!oauthSet) {
                return null;
            }
            if (oauthProvider == null) {
                problems.add("oauthBearer needs a token provider");
            }
            if (!(oauthRefreshWindow > 0 && oauthRefreshWindow < 1)) {
                problems.add("oauthBearerRefreshWindow must be above 0 and below 1, was " + oauthRefreshWindow);
            }
            OAuthBearerExtensions extensions = null;
            try {
                extensions = OAuthBearerExtensions.of(oauthExtensions);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            return oauthProvider == null || extensions == null || !(oauthRefreshWindow > 0 && oauthRefreshWindow < 1)
                    ? null : new OAuthBearerOptions(oauthProvider, extensions, oauthRefreshWindow);
        }

        private AwsMskIamOptions awsMskIam(List<String> problems) {
            if (!awsSet) {
                return null;
            }
            if (!AwsMskIamOptions.isRegion(awsRegion)) {
                problems.add("awsMskIam region must be an AWS region name such as us-east-1, was " + awsRegion);
            }
            AwsCredentialsProvider provider = awsCredentials;
            if (awsDefaultChain) {
                try {
                    AwsSdkAvailability.require(); // before AwsSdkCredentials, which may not load without the SDK
                    provider = AwsSdkCredentials.defaultChain();
                } catch (IllegalStateException e) {
                    problems.add(e.getMessage());
                }
            } else if (provider == null) {
                problems.add("awsMskIam needs a credentials provider");
            }
            return provider == null || !AwsMskIamOptions.isRegion(awsRegion) ? null : new AwsMskIamOptions(awsRegion, provider);
        }

        /** The names of the SASL mechanism options that are set, in the order of their builder methods. */
        private List<String> mechanismsSet() {
            List<String> set = new ArrayList<>();
            if (sasl != null || saslIncomplete) {
                set.add("sasl");
            }
            if (oauthSet) {
                set.add("oauthBearer");
            }
            if (awsSet) {
                set.add("awsMskIam");
            }
            return set;
        }

        private void security(List<String> problems) {
            List<String> mechanisms = mechanismsSet();
            if (mechanisms.size() > 1) {
                problems.add(mechanisms.stream().map(name -> name + "(...)").collect(Collectors.joining(" and "))
                        + (mechanisms.size() == 2 ? " are both set" : " are all set") + "; choose one mechanism");
            }
            if (securityProtocol == null) {
                problems.add("securityProtocol must be one of PLAINTEXT, SASL_PLAINTEXT, SSL, SASL_SSL");
                return;
            }
            if (tls != null && securityProtocol == SecurityProtocol.SASL_PLAINTEXT) {
                problems.add("tls is set but securityProtocol SASL_PLAINTEXT sends everything in the clear; use SASL_SSL");
            }
            if (saslIncomplete) {
                problems.add("sasl needs a mechanism (PLAIN, SCRAM_SHA_256, SCRAM_SHA_512), a non-blank username and"
                        + " a non-empty password");
            } else if (securityProtocol.usesSasl() && mechanisms.isEmpty()) {
                problems.add("securityProtocol " + securityProtocol + " needs sasl(mechanism, username, password)"
                        + " or oauthBearer(provider, extensions) or awsMskIam(region[, provider])");
            } else if (!securityProtocol.usesSasl() && !mechanisms.isEmpty()) {
                problems.add(String.join(" and ", mechanisms) + (mechanisms.size() == 1 ? " is" : " are")
                        + " set but securityProtocol " + securityProtocol + " does not use SASL; use SASL_PLAINTEXT or SASL_SSL");
            }
        }

        private static void positive(List<String> problems, String name, Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                problems.add(name + " must be a positive duration, was " + value);
            }
        }

        private static void notNegative(List<String> problems, String name, Duration value) {
            if (value == null || value.isNegative()) {
                problems.add(name + " must be zero or positive, was " + value);
            }
        }

        private static void ordered(List<String> problems, String name, Duration initial, Duration max) {
            if (initial == null || max == null || initial.isNegative() || max.compareTo(initial) < 0) {
                problems.add(name + " must be zero or positive and not above its maximum, was " + initial + " (max " + max + ")");
            }
        }
    }
}
