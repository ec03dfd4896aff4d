package io.kafkaex.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash-dependent functions of SCRAM (RFC 5802 §2.2): H, HMAC and Hi (PBKDF2 with HMAC), all through the
 * JDK's providers. Immutable and thread-safe.
 *
 * @param digest the {@link MessageDigest} algorithm (H)
 * @param hmac the {@link Mac} algorithm (HMAC)
 * @param pbkdf2 the {@link SecretKeyFactory} algorithm (Hi)
 * @param keyBits the output size of H in bits
 */
record ScramAlgorithm(String digest, String hmac, String pbkdf2, int keyBits) {

    /** SCRAM-SHA-1 (RFC 5802); only for the RFC's test vector, Kafka does not offer it. */
    static final ScramAlgorithm SHA_1 = new ScramAlgorithm("SHA-1", "HmacSHA1", "PBKDF2WithHmacSHA1", 160);
    static final ScramAlgorithm SHA_256 = new ScramAlgorithm("SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 256);
    static final ScramAlgorithm SHA_512 = new ScramAlgorithm("SHA-512", "HmacSHA512", "PBKDF2WithHmacSHA512", 512);

    /** Hi(password, salt, i): PBKDF2 with this HMAC, one block of the hash's size. */
    byte[] saltedPassword(String normalizedPassword, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(normalizedPassword.toCharArray(), salt, iterations, keyBits);
        try {
            return SecretKeyFactory.getInstance(pbkdf2).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new SaslProtocolException(pbkdf2 + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new SaslProtocolException(hmac + " is not available in this JVM", e);
        }
    }

    byte[] hash(byte[] data) {
        try {
            return MessageDigest.getInstance(digest).digest(data);
        } catch (GeneralSecurityException e) {
            throw new SaslProtocolException(digest + " is not available in this JVM", e);
        }
    }
}
