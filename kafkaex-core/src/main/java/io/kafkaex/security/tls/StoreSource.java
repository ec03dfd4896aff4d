package io.kafkaex.security.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;

/**
 * Where trust or key material comes from: a JKS or PKCS12 file with its password, or PEM text (read from a
 * file or given inline). Turns it into a {@link KeyStore}; every failure message names the source but never a
 * password or key. Immutable; any thread.
 */
final class StoreSource {

    /** Password of the in-memory stores built from PEM; never leaves this process. */
    private static final char[] IN_MEMORY_PASSWORD = "kafkaex-pem".toCharArray();

    private final String description;
    private final Path file;
    private final String type;
    private final String password;
    private final String keyPassword;
    private final String pemCertificates;
    private final Path pemCertificatesFile;
    private final String pemKey;
    private final Path pemKeyFile;

    private StoreSource(String description, Path file, String type, String password, String keyPassword,
            String pemCertificates, Path pemCertificatesFile, String pemKey, Path pemKeyFile) {
        this.description = description;
        this.file = file;
        this.type = type;
        this.password = password;
        this.keyPassword = keyPassword;
        this.pemCertificates = pemCertificates;
        this.pemCertificatesFile = pemCertificatesFile;
        this.pemKey = pemKey;
        this.pemKeyFile = pemKeyFile;
    }

    static StoreSource storeFile(Path file, String type, String password, String keyPassword) {
        if (!"JKS".equalsIgnoreCase(type) && !"PKCS12".equalsIgnoreCase(type)) {
            throw new IllegalArgumentException("store type of " + file + " must be JKS or PKCS12, was " + type);
        }
        return new StoreSource(type + " file " + file, file, type, password, keyPassword, null, null, null, null);
    }

    static StoreSource pem(String certificates, Path certificatesFile, String key, Path keyFile) {
        String description = "PEM " + (certificatesFile != null ? "file " + certificatesFile : "text")
                + (key != null || keyFile != null ? " with key " + (keyFile != null ? "file " + keyFile : "text") : "");
        return new StoreSource(description, null, null, null, null, certificates, certificatesFile, key, keyFile);
    }

    /** What this is, without secrets: for {@code toString} and messages. */
    String description() {
        return description;
    }

    /** The password of the keys in the loaded store (the store password unless a key password was given). */
    char[] keyPassword() {
        if (file == null) {
            return IN_MEMORY_PASSWORD.clone();
        }
        String key = keyPassword != null ? keyPassword : password;
        return key == null ? new char[0] : key.toCharArray();
    }

    /** Loads the material; {@code withKey} when a private key is required (client certificate). */
    KeyStore load(boolean withKey) throws InvalidTlsMaterialException {
        try {
            return file != null ? loadFile() : loadPem(withKey);
        } catch (NoSuchFileException e) {
            throw new InvalidTlsMaterialException(description + ": file not found: " + e.getFile());
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.security.UnrecoverableKeyException || e.getMessage() != null
                    && e.getMessage().contains("password")) {
                throw new InvalidTlsMaterialException(description + ": wrong password or not a " + type + " store");
            }
            throw new InvalidTlsMaterialException(description + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsMaterialException(description + ": " + e.getMessage());
        }
    }

    private KeyStore loadFile() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }

    private KeyStore loadPem(boolean withKey) throws IOException, GeneralSecurityException {
        List<Certificate> certificates = PemMaterial.certificates(
                pemCertificatesFile != null ? Files.readString(pemCertificatesFile) : pemCertificates);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        if (withKey) {
            PrivateKey key = PemMaterial.privateKey(pemKeyFile != null ? Files.readString(pemKeyFile) : pemKey);
            store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, certificates.toArray(Certificate[]::new));
        } else {
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
        }
        return store;
    }
}
