package io.kafkaex.security.tls;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes PEM text: X.509 certificates ({@code CERTIFICATE} blocks) and unencrypted PKCS#8 private keys
 * ({@code PRIVATE KEY} blocks, RSA, EC or EdDSA). Stateless; any thread.
 */
final class PemDecoder {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "DSA"};

    private PemDecoder() {
    }

    /** Every certificate in {@code pem}, in order. */
    static List<Certificate> certificates(String pem) throws GeneralSecurityException {
        List<byte[]> blocks = blocks(pem, "CERTIFICATE");
        if (blocks.isEmpty()) {
            throw new GeneralSecurityException("no -----BEGIN CERTIFICATE----- block found");
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> certificates = new ArrayList<>();
        for (byte[] der : blocks) {
            certificates.add(factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return certificates;
    }

    /** The single PKCS#8 private key in {@code pem}. */
    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        List<byte[]> blocks = blocks(pem, "PRIVATE KEY");
        if (blocks.size() != 1) {
            String hint = pem.contains("-----BEGIN RSA PRIVATE KEY-----") || pem.contains("-----BEGIN EC PRIVATE KEY-----")
                    || pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
                    ? " (convert it to an unencrypted PKCS#8 key: openssl pkcs8 -topk8 -nocrypt)" : "";
            throw new GeneralSecurityException("expected exactly one -----BEGIN PRIVATE KEY----- block, found "
                    + blocks.size() + hint);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(blocks.get(0));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one
            }
        }
        throw new GeneralSecurityException("the private key is not an RSA, EC, EdDSA or DSA PKCS#8 key");
    }

    private static List<byte[]> blocks(String pem, String type) throws GeneralSecurityException {
        List<byte[]> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                try {
                    blocks.add(Base64.getMimeDecoder().decode(matcher.group(2).trim()));
                } catch (IllegalArgumentException e) {
                    throw new GeneralSecurityException("a " + type + " block is not valid base64");
                }
            }
        }
        return blocks;
    }
}
