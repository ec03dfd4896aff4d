package io.kafkaex.security.tls;

import io.kafkaex.test.TestTls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;

/** {@link TlsOptions} builders and PEM renderings of the harness' {@link TestTls} material, for tests. */
public final class TestTlsOptions {

    private TestTlsOptions() {
    }

    /** Trusts the test CA (PKCS12 trust store); no client certificate. */
    public static TlsOptions.Builder trusting(TestTls tls) {
        return TlsOptions.builder().trustStore(tls.trustStore(), TestTls.STORE_TYPE, tls.password());
    }

    /** Trusts the test CA and presents the test client certificate (PKCS12 key store). */
    public static TlsOptions.Builder mutual(TestTls tls) {
        return trusting(tls).keyStore(tls.clientKeyStore(), TestTls.STORE_TYPE, tls.password());
    }

    /** The test CA certificate as PEM text. */
    public static String caPem(TestTls tls) {
        return pem("CERTIFICATE", certificate(tls.trustStore(), tls.password(), "ca"));
    }

    /** The test client certificate chain (leaf, then CA) as PEM text. */
    public static String clientChainPem(TestTls tls) {
        return pem("CERTIFICATE", certificate(tls.clientKeyStore(), tls.password(), "client")) + caPem(tls);
    }

    /** The test client's private key as unencrypted PKCS#8 PEM text. */
    public static String clientKeyPem(TestTls tls) {
        try {
            Key key = load(tls.clientKeyStore(), TestTls.STORE_TYPE, tls.password()).getKey("client", tls.password().toCharArray());
            return pem("PRIVATE KEY", key.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a PKCS12 store into a JKS file in {@code dir}. */
    public static Path asJks(Path pkcs12, String password, Path dir) {
        try {
            KeyStore source = load(pkcs12, TestTls.STORE_TYPE, password);
            KeyStore jks = KeyStore.getInstance("JKS");
            jks.load(null, null);
            for (String alias : java.util.Collections.list(source.aliases())) {
                if (source.isKeyEntry(alias)) {
                    jks.setKeyEntry(alias, source.getKey(alias, password.toCharArray()), password.toCharArray(),
                            source.getCertificateChain(alias));
                } else {
                    jks.setCertificateEntry(alias, source.getCertificate(alias));
                }
            }
            Path file = dir.resolve(pkcs12.getFileName() + ".jks");
            try (var out = Files.newOutputStream(file)) {
                jks.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] certificate(Path store, String password, String alias) {
        try {
            Certificate certificate = load(store, TestTls.STORE_TYPE, password).getCertificate(alias);
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file, String type, String password) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
