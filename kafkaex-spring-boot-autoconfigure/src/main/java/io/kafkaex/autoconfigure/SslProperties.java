package io.kafkaex.autoconfigure;

import io.kafkaex.security.tls.TlsOptions;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;

/**
 * Properties under {@code kafkaex.ssl}: TLS key and trust material, directly or through a Spring SSL bundle. Part of
 * {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class SslProperties {

    /**
     * Name of the Spring SSL bundle (spring.ssl.bundle.*) with the trust and key material; it replaces the
     * key-store, trust-store and PEM properties below.
     */
    private String bundle;

    /** Key store file with the client certificate for mutual TLS (a file: or classpath: location of a file). */
    private Resource keyStoreLocation;

    /** Type of the key store: PKCS12 or JKS. */
    private String keyStoreType = "PKCS12";

    /** Password of the key store. */
    private String keyStorePassword;

    /** Password of the private key in the key store, when it differs from the key store's password. */
    private String keyPassword;

    /** Client certificate chain in PEM format (leaf first), for mutual TLS with key-store-key instead of a key store. */
    private String keyStoreCertificateChain;

    /** Unencrypted PKCS#8 private key in PEM format that belongs to key-store-certificate-chain. */
    private String keyStoreKey;

    /**
     * Trust store file with the CA certificates to trust (a file: or classpath: location of a file); the JDK's
     * trusted CAs when neither this nor trust-store-certificates is set.
     */
    private Resource trustStoreLocation;

    /** Type of the trust store: PKCS12 or JKS. */
    private String trustStoreType = "PKCS12";

    /** Password of the trust store. */
    private String trustStorePassword;

    /** CA certificates to trust in PEM format, instead of a trust store. */
    private String trustStoreCertificates;

    /** TLS versions to offer, most preferred first: TLSv1.3 and/or TLSv1.2. */
    private List<String> enabledProtocols = new ArrayList<>(TlsOptions.DEFAULT_PROTOCOLS);

    /** Whether the broker's certificate must name the host connected to; switch off only for tests. */
    private boolean hostnameVerification = true;

    /** Whether any TLS material (a bundle, a store or PEM) is configured. */
    boolean hasMaterial() {
        return bundle != null || keyStoreLocation != null || keyStoreCertificateChain != null
                || trustStoreLocation != null || trustStoreCertificates != null;
    }

    public String getBundle() {
        return bundle;
    }

    public void setBundle(String bundle) {
        this.bundle = bundle;
    }

    public Resource getKeyStoreLocation() {
        return keyStoreLocation;
    }

    public void setKeyStoreLocation(Resource keyStoreLocation) {
        this.keyStoreLocation = keyStoreLocation;
    }

    public String getKeyStoreType() {
        return keyStoreType;
    }

    public void setKeyStoreType(String keyStoreType) {
        this.keyStoreType = keyStoreType;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
    }

    public String getKeyPassword() {
        return keyPassword;
    }

    public void setKeyPassword(String keyPassword) {
        this.keyPassword = keyPassword;
    }

    public String getKeyStoreCertificateChain() {
        return keyStoreCertificateChain;
    }

    public void setKeyStoreCertificateChain(String keyStoreCertificateChain) {
        this.keyStoreCertificateChain = keyStoreCertificateChain;
    }

    public String getKeyStoreKey() {
        return keyStoreKey;
    }

    public void setKeyStoreKey(String keyStoreKey) {
        this.keyStoreKey = keyStoreKey;
    }

    public Resource getTrustStoreLocation() {
        return trustStoreLocation;
    }

    public void setTrustStoreLocation(Resource trustStoreLocation) {
        this.trustStoreLocation = trustStoreLocation;
    }

    public String getTrustStoreType() {
        return trustStoreType;
    }

    public void setTrustStoreType(String trustStoreType) {
        this.trustStoreType = trustStoreType;
    }

    public String getTrustStorePassword() {
        return trustStorePassword;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
    }

    public String getTrustStoreCertificates() {
        return trustStoreCertificates;
    }

    public void setTrustStoreCertificates(String trustStoreCertificates) {
        this.trustStoreCertificates = trustStoreCertificates;
    }

    public List<String> getEnabledProtocols() {
        return enabledProtocols;
    }

    public void setEnabledProtocols(List<String> enabledProtocols) {
        this.enabledProtocols = enabledProtocols;
    }

    public boolean isHostnameVerification() {
        return hostnameVerification;
    }

    public void setHostnameVerification(boolean hostnameVerification) {
        this.hostnameVerification = hostnameVerification;
    }
}
