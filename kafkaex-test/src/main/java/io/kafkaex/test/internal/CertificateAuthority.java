package io.kafkaex.test.internal;

import io.kafkaex.test.TestTls;
import io.kafkaex.test.launcher.TreeDeletion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates the TLS material of {@link TestTls} with the JDK's {@code keytool}, once per test JVM, in a
 * temporary directory removed when the JVM exits. Thread-safe: the first caller generates, later callers
 * get the same material.
 */
public final class CertificateAuthority {

    private static final String PASSWORD = "kafkaex-test";
    private static final String VALIDITY_DAYS = "3";
    private static final Object LOCK = new Object();
    private static TestTls shared;

    private final Path dir;

    private CertificateAuthority(Path dir) {
        this.dir = dir;
    }

    /** The material of this JVM, generated on first use. */
    public static TestTls shared() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = generateInTemporaryDirectory();
            }
            return shared;
        }
    }

    /** The directory the shared material lives in, or {@code null} when none was generated yet. */
    public static Path sharedDirectory() {
        synchronized (LOCK) {
            return shared == null ? null : shared.trustStore().getParent();
        }
    }

    /**
     * A broker key store in the directory of {@code tls}, for {@code 127.0.0.1} and {@code localhost}, whose
     * certificate is signed by that material's CA but expired two days ago; generated on first use.
     */
    public static Path expiredBrokerKeyStore(TestTls tls) {
        synchronized (LOCK) {
            Path dir = tls.trustStore().getParent();
            Path keyStore = dir.resolve("expired-broker.p12");
            if (!Files.exists(keyStore)) {
                new CertificateAuthority(dir).signedKeyStore("expired-broker", "CN=localhost", dir.resolve("ca.p12"),
                        dir.resolve("ca.pem"), "-startdate", "-3d", "-validity", "1");
            }
            return keyStore;
        }
    }

    private static TestTls generateInTemporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("kafkaex-tls-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TreeDeletion.deleteQuietly(dir)));
            return new CertificateAuthority(dir).generate();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for test certificates", e);
        }
    }

    private TestTls generate() {
        Path ca = dir.resolve("ca.p12");
        Path caCert = dir.resolve("ca.pem");
        Path trustStore = dir.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=kafkaex-test-ca", "-ext", "bc:c", "-validity", VALIDITY_DAYS, "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caCert.toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(),
                "-keystore", trustStore.toString());
        Path broker = signedKeyStore("broker", "CN=localhost", ca, caCert, "-validity", VALIDITY_DAYS);
        Path client = signedKeyStore("client", "CN=alice", ca, caCert, "-validity", VALIDITY_DAYS);
        return new TestTls(trustStore, client, broker, PASSWORD);
    }

    /** A key store with a key pair and its certificate signed by the CA, valid as {@code validity} (keytool options) says. */
    private Path signedKeyStore(String name, String distinguishedName, Path ca, Path caCert, String... validity) {
        Path keyStore = dir.resolve(name + ".p12");
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", distinguishedName, "-validity", VALIDITY_DAYS, "-keystore", keyStore.toString());
        keytool("-certreq", "-alias", name, "-keystore", keyStore.toString(), "-file", request.toString());
        List<String> signing = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(),
                "-infile", request.toString(), "-outfile", certificate.toString(), "-ext", "SAN=ip:127.0.0.1,dns:localhost"));
        signing.addAll(List.of(validity));
        keytool(signing.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(),
                "-keystore", keyStore.toString());
        keytool("-importcert", "-alias", name, "-file", certificate.toString(), "-keystore", keyStore.toString());
        return keyStore;
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(JavaExecutable.tool("keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", TestTls.STORE_TYPE, "-storepass", PASSWORD));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run keytool from " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating test certificates", e);
        }
    }
}
