package io.kafkaex.test.internal;

import io.kafkaex.test.TestTls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds client-side {@link SSLContext}s from the harness' {@link TestTls} material. Any thread may call it. */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * An SSL context that trusts the test CA and, when {@code presentClientCertificate}, presents the test
     * client certificate.
     */
    public static SSLContext client(TestTls tls, boolean presentClientCertificate) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(tls.trustStore(), tls.password()));
            KeyManagerFactory keys = null;
            if (presentClientCertificate) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(tls.clientKeyStore(), tls.password()), tls.password().toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a TLS context from the test stores in "
                    + tls.trustStore().getParent(), e);
        }
    }

    private static KeyStore load(Path path, String password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(TestTls.STORE_TYPE);
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
