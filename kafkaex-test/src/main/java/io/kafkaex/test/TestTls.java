package io.kafkaex.test;

import io.kafkaex.test.internal.CertificateAuthority;

import java.nio.file.Path;

/**
 * TLS material of a test cluster, generated at test time: a CA, a broker certificate for
 * {@code 127.0.0.1} and {@code localhost} signed by it, and a client certificate (CN {@code alice}) for
 * mutual TLS. All stores are PKCS12 and share one password.
 *
 * @param trustStore    trust store holding the test CA; clients of the SSL listeners need it
 * @param clientKeyStore key store with the client certificate and its key, for the MTLS listener
 * @param brokerKeyStore key store with the broker certificate and its key
 * @param password      password of every store and key
 */
public record TestTls(Path trustStore, Path clientKeyStore, Path brokerKeyStore, String password) {

    /** Store type of every store here. */
    public static final String STORE_TYPE = "PKCS12";

    /**
     * A broker key store like {@link #brokerKeyStore()}, signed by the same CA, whose certificate has expired:
     * for tests of how an expired broker certificate is reported. Generated on first use, next to this material.
     */
    public Path expiredBrokerKeyStore() {
        return CertificateAuthority.expiredBrokerKeyStore(this);
    }
}
