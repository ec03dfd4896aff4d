package io.kafkaex.autoconfigure;

import io.kafkaex.security.tls.TlsOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.io.Resource;

/**
 * Turns {@code kafkaex.ssl.*} into the core's {@link TlsOptions}: a Spring SSL bundle (its SSL context and enabled
 * protocols), or key and trust stores, or PEM text. Stateless; called on the thread that creates the KafkaEx beans.
 */
final class TlsPropertiesMapper {

    private static final String PREFIX = "kafkaex.ssl.";

    private TlsPropertiesMapper() {
    }

    /**
     * The TLS options {@code ssl} describes.
     *
     * @param bundles the application's SSL bundles, or {@code null} when it has none
     * @throws InvalidKafkaExPropertyException naming the property whose value cannot be used
     */
    static TlsOptions map(SslProperties ssl, SslBundles bundles) {
        SslBundle bundle = ssl.getBundle() == null ? null : bundle(ssl.getBundle(), bundles);
        String[] bundleProtocols = bundle == null ? null : bundle.getOptions().getEnabledProtocols();
        List<String> protocols = bundleProtocols != null ? List.of(bundleProtocols) : ssl.getEnabledProtocols();
        return new PropertyMapping<TlsOptions.Builder>()
                .map(PREFIX + "bundle", ssl.getBundle(), "the name of a spring.ssl.bundle.* bundle, not combined with the"
                        + " kafkaex.ssl key-store, trust-store and PEM properties",
                        (builder, name) -> builder.sslContext(bundle.createSslContext()))
                .map(PREFIX + "trust-store-location", ssl.getTrustStoreLocation(), "a readable " + ssl.getTrustStoreType()
                        + " trust store file with at least one certificate, opened by kafkaex.ssl.trust-store-password;"
                        + " kafkaex.ssl.trust-store-type PKCS12 or JKS",
                        (builder, location) -> builder.trustStore(file(location), ssl.getTrustStoreType(),
                                ssl.getTrustStorePassword()))
                .map(PREFIX + "trust-store-certificates", ssl.getTrustStoreCertificates(),
                        "PEM text with at least one -----BEGIN CERTIFICATE----- block; not combined with a trust store",
                        TlsOptions.Builder::trustPemText)
                .map(PREFIX + "key-store-location", ssl.getKeyStoreLocation(), "a readable " + ssl.getKeyStoreType()
                        + " key store file with a private key, opened by kafkaex.ssl.key-store-password (and"
                        + " kafkaex.ssl.key-password when the key's differs); kafkaex.ssl.key-store-type PKCS12 or JKS",
                        (builder, location) -> builder.keyStore(file(location), ssl.getKeyStoreType(),
                                ssl.getKeyStorePassword(), ssl.getKeyPassword()))
                .map(PREFIX + "key-store-certificate-chain", ssl.getKeyStoreCertificateChain(), "PEM certificates"
                        + " (leaf first) with kafkaex.ssl.key-store-key set to their unencrypted PKCS#8 private key;"
                        + " not combined with a key store",
                        (builder, chain) -> builder.clientPemText(chain, ssl.getKeyStoreKey()))
                .map(PREFIX + "enabled-protocols", protocols, "TLSv1.3 and/or TLSv1.2 (the options of a"
                        + " kafkaex.ssl.bundle replace them when they name protocols)", (builder, names) -> builder.protocols(names.toArray(String[]::new)))
                .map(PREFIX + "hostname-verification", ssl.isHostnameVerification(), "true or false",
                        TlsOptions.Builder::hostnameVerification)
                .apply(TlsOptions::builder, TlsOptions.Builder::build)
                .build();
    }

    private static SslBundle bundle(String name, SslBundles bundles) {
        if (bundles == null) {
            throw new InvalidKafkaExPropertyException(PREFIX + "bundle", name,
                    "the name of a bundle under spring.ssl.bundle.*, but the application has no SslBundles bean", null);
        }
        SslBundle bundle;
        try {
            bundle = bundles.getBundle(name);
        } catch (NoSuchSslBundleException e) {
            throw new InvalidKafkaExPropertyException(PREFIX + "bundle", name,
                    "one of the configured SSL bundles " + bundles.getBundleNames(), e);
        }
        String[] ciphers = bundle.getOptions().getCiphers();
        if (ciphers != null && ciphers.length > 0) {
            throw new InvalidKafkaExPropertyException(PREFIX + "bundle", name, "a bundle without ciphers (KafkaEx uses"
                    + " the JDK's cipher suites), but it names " + Arrays.toString(ciphers), null);
        }
        return bundle;
    }

    private static Path file(Resource location) {
        try {
            return location.getFile().toPath();
        } catch (IOException e) {
            throw new IllegalArgumentException(location + " is not a file; use a file outside the application's"
                    + " archive, PEM text, or an SSL bundle (kafkaex.ssl.bundle)", e);
        }
    }
}
