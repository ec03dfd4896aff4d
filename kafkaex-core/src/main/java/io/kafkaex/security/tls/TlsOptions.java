package io.kafkaex.security.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS settings of a client (kafka_ex's {@code ssl_options}): whom to trust (a JKS/PKCS12 trust store, PEM CA
 * certificates, or the JDK's default CAs when nothing is given), an optional client certificate for mutual TLS
 * (a JKS/PKCS12 key store, or a PEM certificate chain with its PKCS#8 key), the TLS versions (1.3 and 1.2 by
 * default), and hostname verification (on unless switched off explicitly).
 *
 * <p>Immutable; the {@link SSLContext} is built and checked by {@link Builder#build()}, so unusable material is
 * reported when the options are made, not at the first connection. Passwords never appear in {@link #toString()}
 * or in messages. Any thread.
 *
 * <pre>{@code
 * TlsOptions tls = TlsOptions.builder()
 *         .trustStore(Path.of("truststore.p12"), "PKCS12", trustPassword)
 *         .keyStore(Path.of("client.p12"), "PKCS12", keyPassword)
 *         .build();
 * }</pre>
 */
public final class TlsOptions {

    public static final String TLS_1_3 = "TLSv1.3";
    public static final String TLS_1_2 = "TLSv1.2";
    /** TLS 1.3 and 1.2, as the Java client's default {@code ssl.enabled.protocols}. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of(TLS_1_3, TLS_1_2);

    private final TlsMaterial trust;
    private final TlsMaterial key;
    private final List<String> protocols;
    private final boolean hostnameVerification;
    private final SSLContext context;
    private final boolean givenContext;

    private TlsOptions(Builder builder, SSLContext context) {
        this.givenContext = builder.context != null;
        this.trust = builder.trust;
        this.key = builder.key;
        this.protocols = List.copyOf(builder.protocols);
        this.hostnameVerification = builder.hostnameVerification;
        this.context = context;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** TLS with the JDK's default trusted CAs, no client certificate, hostname verification on. */
    public static TlsOptions defaults() {
        return builder().build();
    }

    /** The TLS versions offered, most preferred first. */
    public List<String> protocols() {
        return protocols;
    }

    /** Whether the broker's certificate must name the host connected to (HTTPS rules). */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /**
     * Whether a client certificate is presented (mutual TLS); {@code false} for a {@link Builder#sslContext given
     * SSLContext}, whose key managers are not inspected.
     */
    public boolean hasClientCertificate() {
        return key != null;
    }

    /** A client-mode engine for a connection to {@code host:port}, with these protocols and verification. */
    public SSLEngine newEngine(String host, int port) {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(protocols.toArray(String[]::new));
        parameters.setEndpointIdentificationAlgorithm(hostnameVerification ? "HTTPS" : null);
        engine.setSSLParameters(parameters);
        return engine;
    }

    @Override
    public String toString() {
        if (givenContext) {
            return "TlsOptions{given SSLContext, protocols=" + protocols + ", hostnameVerification=" + hostnameVerification + "}";
        }
        return "TlsOptions{trust=" + (trust == null ? "JDK default CAs" : trust.description())
                + ", clientCertificate=" + (key == null ? "none" : key.description())
                + ", protocols=" + protocols + ", hostnameVerification=" + hostnameVerification + "}";
    }

    /** Collects TLS settings; {@link #build()} loads and checks the material. Not thread-safe. */
    public static final class Builder {

        private TlsMaterial trust;
        private TlsMaterial key;
        private List<String> protocols = DEFAULT_PROTOCOLS;
        private boolean hostnameVerification = true;
        private SSLContext context;

        private Builder() {
        }

        /**
         * Use {@code context} (already initialised, e.g. from a framework's own key and trust material such as a
         * Spring Boot SSL bundle) instead of trust and key material given to this builder; the protocols and
         * hostname verification still apply. {@code null} resets.
         */
        public Builder sslContext(SSLContext context) {
            this.context = context;
            return this;
        }

        /** Trust the CAs in a trust store file of {@code type} ({@code JKS} or {@code PKCS12}). */
        public Builder trustStore(Path file, String type, String password) {
            this.trust = new StoreFileMaterial(Objects.requireNonNull(file, "file"), type, password, null);
            return this;
        }

        /** Trust the CA certificates in a PEM file. */
        public Builder trustPem(Path file) {
            this.trust = new PemMaterial(null, Objects.requireNonNull(file, "file"), null, null);
            return this;
        }

        /** Trust the CA certificates in PEM text ({@code -----BEGIN CERTIFICATE-----} blocks). */
        public Builder trustPemText(String certificates) {
            this.trust = new PemMaterial(Objects.requireNonNull(certificates, "certificates"), null, null, null);
            return this;
        }

        /** Present the client certificate of a key store file whose key has the store's password. */
        public Builder keyStore(Path file, String type, String password) {
            return keyStore(file, type, password, null);
        }

        /** Present the client certificate of a key store file; {@code keyPassword} when it differs from the store's. */
        public Builder keyStore(Path file, String type, String password, String keyPassword) {
            this.key = new StoreFileMaterial(Objects.requireNonNull(file, "file"), type, password, keyPassword);
            return this;
        }

        /** Present a client certificate chain (PEM, leaf first) with its unencrypted PKCS#8 key (PEM). */
        public Builder clientPem(Path certificateChain, Path privateKey) {
            this.key = new PemMaterial(null, Objects.requireNonNull(certificateChain, "certificateChain"), null,
                    Objects.requireNonNull(privateKey, "privateKey"));
            return this;
        }

        /** {@link #clientPem(Path, Path)} with the PEM text itself. */
        public Builder clientPemText(String certificateChain, String privateKey) {
            this.key = new PemMaterial(Objects.requireNonNull(certificateChain, "certificateChain"), null,
                    Objects.requireNonNull(privateKey, "privateKey"), null);
            return this;
        }

        /** The TLS versions to offer, e.g. {@code TLSv1.3} alone to force it. */
        public Builder protocols(String... protocols) {
            this.protocols = List.of(protocols);
            return this;
        }

        /** Whether to check that the broker's certificate names the host; on by default. */
        public Builder hostnameVerification(boolean verify) {
            this.hostnameVerification = verify;
            return this;
        }

        /**
         * @throws IllegalArgumentException         for protocols other than TLS 1.2/1.3 or a store without a type
         * @throws InvalidTlsMaterialException when the trust or key material cannot be loaded
         */
        public TlsOptions build() {
            List<String> problems = new ArrayList<>();
            if (protocols.isEmpty()) {
                problems.add("tls protocols must name at least one of " + DEFAULT_PROTOCOLS);
            }
            for (String protocol : protocols) {
                if (!DEFAULT_PROTOCOLS.contains(protocol)) {
                    problems.add("tls protocol " + protocol + " is not supported; use " + TLS_1_3 + " and/or " + TLS_1_2);
                }
            }
            if (context != null && (trust != null || key != null)) {
                problems.add("a given sslContext replaces trust and key material; set either the context or the material");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid TLS options: " + String.join("; ", problems));
            }
            return new TlsOptions(this, context != null ? context : context());
        }

        private SSLContext context() {
            try {
                TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(trust == null ? null : trustStore());
                KeyManagerFactory keyManagers = null;
                if (key != null) {
                    keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                    KeyStore keys = key.load(true);
                    try {
                        keyManagers.init(keys, key.keyEntryPassword());
                    } catch (java.security.UnrecoverableKeyException e) {
                        throw new InvalidTlsMaterialException(key.description() + ": wrong key password");
                    }
                }
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new InvalidTlsMaterialException("Cannot set up TLS: " + e.getMessage());
            }
        }

        private KeyStore trustStore() throws GeneralSecurityException {
            KeyStore store = trust.load(false);
            if (store.size() == 0) {
                throw new InvalidTlsMaterialException(trust.description() + ": contains no certificate to trust");
            }
            return store;
        }
    }
}
