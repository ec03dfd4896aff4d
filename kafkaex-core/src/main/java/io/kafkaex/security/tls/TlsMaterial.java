package io.kafkaex.security.tls;

import java.security.KeyStore;

/**
 * Trust or key material of {@link TlsOptions}: a store file ({@link StoreFileMaterial}) or PEM
 * ({@link PemMaterial}), loaded as a {@link KeyStore}. Failure messages name the source, never a password or
 * key. Immutable; any thread.
 */
sealed interface TlsMaterial permits StoreFileMaterial, PemMaterial {

    /** What this is, without secrets: for {@code toString} and messages. */
    String description();

    /** Loads the material; {@code withKey} when a private key is required (a client certificate). */
    KeyStore load(boolean withKey) throws InvalidTlsMaterialException;

    /** The password of the keys in the loaded store. */
    char[] keyEntryPassword();
}
