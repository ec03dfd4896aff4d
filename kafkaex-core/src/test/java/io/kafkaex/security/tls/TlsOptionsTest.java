package io.kafkaex.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.test.TestTls;
import io.kafkaex.test.internal.CertificateAuthority;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsOptionsTest {

    private static TestTls tls;

    @TempDir
    Path dir;

    @BeforeAll
    static void material() {
        tls = CertificateAuthority.shared();
    }

    @Test
    void defaultsOfferTls13And12WithHostnameVerification() {
        SSLEngine engine = TlsOptions.defaults().newEngine("broker-1.example", 9093);

        assertThat(engine.getUseClientMode()).isTrue();
        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(engine.getPeerHost()).isEqualTo("broker-1.example");
        assertThat(engine.getPeerPort()).isEqualTo(9093);
    }

    @Test
    void hostnameVerificationIsOffOnlyWhenSwitchedOffAndProtocolsCanBeForced() {
        SSLEngine engine = TlsOptions.builder().hostnameVerification(false).protocols(TlsOptions.TLS_1_2).build()
                .newEngine("127.0.0.1", 9093);

        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isNull();
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.2");
    }

    @Test
    void loadsPkcs12TrustAndKeyStores() {
        TlsOptions options = TestTlsOptions.mutual(tls).build();

        assertThat(options.hasClientCertificate()).isTrue();
        assertThat(options.toString()).contains("PKCS12 file " + tls.trustStore(), "PKCS12 file " + tls.clientKeyStore());
    }

    @Test
    void loadsJksTrustAndKeyStores() {
        Path trust = TestTlsOptions.asJks(tls.trustStore(), tls.password(), dir);
        Path keys = TestTlsOptions.asJks(tls.clientKeyStore(), tls.password(), dir);

        TlsOptions options = TlsOptions.builder().trustStore(trust, "JKS", tls.password())
                .keyStore(keys, "JKS", tls.password(), tls.password()).build();

        assertThat(options.hasClientCertificate()).isTrue();
        assertThat(options.toString()).contains("JKS file " + trust);
    }

    @Test
    void loadsPemFromFilesAndFromText() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), TestTlsOptions.caPem(tls));
        Path chain = Files.writeString(dir.resolve("client.pem"), TestTlsOptions.clientChainPem(tls));
        Path key = Files.writeString(dir.resolve("client.key"), TestTlsOptions.clientKeyPem(tls));

        TlsOptions fromFiles = TlsOptions.builder().trustPem(ca).clientPem(chain, key).build();
        TlsOptions fromText = TlsOptions.builder().trustPemText(TestTlsOptions.caPem(tls))
                .clientPemText(TestTlsOptions.clientChainPem(tls), TestTlsOptions.clientKeyPem(tls)).build();

        assertThat(fromFiles.hasClientCertificate()).isTrue();
        assertThat(fromFiles.toString()).contains("PEM file " + ca, "key file " + key);
        assertThat(fromText.toString()).contains("trust=PEM text", "clientCertificate=PEM text with key text");
        assertThat(fromText.toString()).doesNotContain("BEGIN");
    }

    @Test
    void passwordsNeverAppearInToStringOrInMessages() {
        String secret = "s3cret-" + tls.password();
        TlsOptions options = TestTlsOptions.mutual(tls).build();

        assertThat(options.toString()).doesNotContain(tls.password());
        assertThat(new StoreFileMaterial(tls.trustStore(), "PKCS12", secret, secret).toString()).doesNotContain(secret);
        assertThat(new PemMaterial("cert", null, secret, null).toString()).doesNotContain(secret);
        assertThatThrownBy(() -> TlsOptions.builder().trustStore(tls.trustStore(), "PKCS12", secret).build())
                .isInstanceOf(InvalidTlsMaterialException.class)
                .hasMessageContaining(tls.trustStore().toString())
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> TlsOptions.builder().keyStore(tls.clientKeyStore(), "PKCS12", tls.password(), secret).build())
                .isInstanceOf(InvalidTlsMaterialException.class)
                .hasMessageContaining("wrong key password")
                .hasMessageNotContaining(secret);
    }

    @Test
    void unusableMaterialIsReportedWithItsSource() {
        Path missing = dir.resolve("missing.p12");

        assertThatThrownBy(() -> TlsOptions.builder().trustStore(missing, "PKCS12", "x").build())
                .isInstanceOf(InvalidTlsMaterialException.class).hasMessageContaining("file not found: " + missing);
        assertThatThrownBy(() -> TlsOptions.builder().trustPemText("not a certificate").build())
                .isInstanceOf(InvalidTlsMaterialException.class).hasMessageContaining("no -----BEGIN CERTIFICATE----- block");
        assertThatThrownBy(() -> TlsOptions.builder().clientPemText(TestTlsOptions.clientChainPem(tls),
                "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n").build())
                .isInstanceOf(InvalidTlsMaterialException.class).hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        assertThatThrownBy(() -> TlsOptions.builder().trustStore(tls.trustStore(), "PEM", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be JKS or PKCS12, was PEM");
    }

    @Test
    void onlyTls12And13AreAccepted() {
        assertThatThrownBy(() -> TlsOptions.builder().protocols("TLSv1.1", TlsOptions.TLS_1_3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid TLS options: tls protocol TLSv1.1 is not supported; use TLSv1.3 and/or TLSv1.2");
        assertThatThrownBy(() -> TlsOptions.builder().protocols().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must name at least one");
    }

    @Test
    void aGivenSslContextIsUsedWithTheProtocolsAndHostnameVerificationButNotWithMaterial() throws Exception {
        AtomicInteger engines = new AtomicInteger();
        SSLContext context = engineCounting(engines);

        TlsOptions options = TlsOptions.builder().sslContext(context).protocols(TlsOptions.TLS_1_2)
                .hostnameVerification(false).build();
        SSLEngine engine = options.newEngine("broker-1.example", 9093);

        assertThat(engines).hasValue(1);
        assertThat(engine.getPeerHost()).isEqualTo("broker-1.example");
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.2");
        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isNull();
        assertThat(options).hasToString("TlsOptions{given SSLContext, protocols=[TLSv1.2], hostnameVerification=false}");
        assertThatThrownBy(() -> TlsOptions.builder().sslContext(context).trustStore(tls.trustStore(), "PKCS12", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replaces trust and key material");
    }

    /** A working TLS context that counts the engines made from it. */
    private static SSLContext engineCounting(AtomicInteger engines) throws Exception {
        SSLContext real = SSLContext.getInstance("TLS");
        real.init(null, null, null);
        SSLContextSpi counting = new SSLContextSpi() {
            @Override
            protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
            }

            @Override
            protected SSLSocketFactory engineGetSocketFactory() {
                return real.getSocketFactory();
            }

            @Override
            protected SSLServerSocketFactory engineGetServerSocketFactory() {
                return real.getServerSocketFactory();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine() {
                engines.incrementAndGet();
                return real.createSSLEngine();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine(String host, int port) {
                engines.incrementAndGet();
                return real.createSSLEngine(host, port);
            }

            @Override
            protected SSLSessionContext engineGetServerSessionContext() {
                return real.getServerSessionContext();
            }

            @Override
            protected SSLSessionContext engineGetClientSessionContext() {
                return real.getClientSessionContext();
            }
        };
        return new SSLContext(counting, real.getProvider(), "TLS") {
        };
    }
}
