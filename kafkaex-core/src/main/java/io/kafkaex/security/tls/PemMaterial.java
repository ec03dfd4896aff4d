package io.kafkaex.security.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;

/**
 * PEM certificates, and for a client certificate its PKCS#8 key, each from a file or inline text (the file
 * when both are set). Turned into an in-memory PKCS12 store. Immutable; any thread.
 */
record PemMaterial(String certificates, Path certificatesFile, String key, Path keyFile) implements TlsMaterial {

    /** Password of the in-memory store; it never leaves this process. */
    private static final char[] IN_MEMORY_PASSWORD = "kafkaex-pem".toCharArray();

    @Override
    public String description() {
        return "PEM " + (certificatesFile != null ? "file " + certificatesFile : "text")
                + (key != null || keyFile != null ? " with key " + (keyFile != null ? "file " + keyFile : "text") : "");
    }

    @Override
    public char[] keyEntryPassword() {
        return IN_MEMORY_PASSWORD.clone();
    }

    @Override
    public KeyStore load(boolean withKey) throws InvalidTlsMaterialException {
        try {
            List<Certificate> chain = PemDecoder.certificates(certificatesFile != null ? Files.readString(certificatesFile) : certificates);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            if (withKey) {
                PrivateKey privateKey = PemDecoder.privateKey(keyFile != null ? Files.readString(keyFile) : key);
                store.setKeyEntry("client", privateKey, IN_MEMORY_PASSWORD, chain.toArray(Certificate[]::new));
            } else {
                for (int i = 0; i < chain.size(); i++) {
                    store.setCertificateEntry("ca-" + i, chain.get(i));
                }
            }
            return store;
        } catch (NoSuchFileException e) {
            throw new InvalidTlsMaterialException(description() + ": file not found: " + e.getFile());
        } catch (IOException e) {
            throw new InvalidTlsMaterialException(description() + ": cannot be read (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsMaterialException(description() + ": " + e.getMessage());
        }
    }

    /** Without the PEM text (a key must not reach a log). */
    @Override
    public String toString() {
        return description();
    }
}
