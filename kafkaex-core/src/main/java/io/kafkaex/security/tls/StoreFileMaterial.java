package io.kafkaex.security.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;

/**
 * A JKS or PKCS12 store file with its password, and the key password when it differs. Immutable; any thread.
 */
record StoreFileMaterial(Path file, String type, String password, String keyPassword) implements TlsMaterial {

    StoreFileMaterial {
        if (!"JKS".equalsIgnoreCase(type) && !"PKCS12".equalsIgnoreCase(type)) {
            throw new IllegalArgumentException("store type of " + file + " must be JKS or PKCS12, was " + type);
        }
    }

    @Override
    public String description() {
        return type + " file " + file;
    }

    @Override
    public char[] keyEntryPassword() {
        String key = keyPassword != null ? keyPassword : password;
        return key == null ? new char[0] : key.toCharArray();
    }

    @Override
    public KeyStore load(boolean withKey) throws InvalidTlsMaterialException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (NoSuchFileException e) {
            throw new InvalidTlsMaterialException(description() + ": file not found: " + e.getFile());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new InvalidTlsMaterialException(description() + ": wrong password or not a " + type + " store");
            }
            throw new InvalidTlsMaterialException(description() + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (GeneralSecurityException e) {
            throw new InvalidTlsMaterialException(description() + ": " + e.getMessage());
        }
    }

    /** Without the passwords. */
    @Override
    public String toString() {
        return description();
    }
}
