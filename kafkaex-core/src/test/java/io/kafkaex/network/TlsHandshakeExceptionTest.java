package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.network.TlsHandshakeException.Reason;

import java.net.InetSocketAddress;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Classification of handshake failures as the JDK reports them (messages and causes of JDK 17). */
class TlsHandshakeExceptionTest {

    private static final InetSocketAddress BROKER = InetSocketAddress.createUnresolved("broker-1", 9093);

    @Test
    void anUnknownIssuerIsAnUnknownCa() {
        SSLHandshakeException failure = handshake("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path",
                new CertPathBuilderException("unable to find valid certification path to requested target"));

        TlsHandshakeException classified = TlsHandshakeException.classify(BROKER, failure);

        assertThat(classified.reason()).isEqualTo(Reason.UNKNOWN_CA);
        assertThat(classified).hasMessageStartingWith("Broker broker-1:9093: TLS handshake failed: the broker's certificate is "
                + "not signed by a trusted CA").hasCause(failure);
    }

    @Test
    void aMissingSubjectAlternativeNameIsAHostnameMismatch() {
        SSLHandshakeException failure = handshake("No subject alternative DNS name matching broker-1 found.",
                new CertificateException("No subject alternative DNS name matching broker-1 found."));

        assertThat(TlsHandshakeException.classify(BROKER, failure).reason()).isEqualTo(Reason.HOSTNAME_MISMATCH);
        assertThat(TlsHandshakeException.reasonOf(new CertificateException("No name matching broker-1 found")))
                .isEqualTo(Reason.HOSTNAME_MISMATCH);
    }

    @Test
    void anExpiredCertificateIsReportedAsExpired() {
        SSLHandshakeException failure = handshake("PKIX path validation failed: validity check failed",
                new CertPathValidatorException("validity check failed", new CertificateExpiredException("NotAfter: ..."),
                        null, -1, CertPathValidatorException.BasicReason.EXPIRED));

        assertThat(TlsHandshakeException.classify(BROKER, failure).reason()).isEqualTo(Reason.EXPIRED_CERTIFICATE);
        assertThat(TlsHandshakeException.classify(BROKER, failure)).hasMessageContaining("expired");
    }

    @Test
    void aBrokerAlertAboutTheClientCertificateIsAClientCertificateRejection() {
        assertThat(TlsHandshakeException.reasonOf(new SSLHandshakeException("Received fatal alert: certificate_required")))
                .isEqualTo(Reason.CLIENT_CERTIFICATE_REJECTED);
        assertThat(TlsHandshakeException.reasonOf(new SSLHandshakeException("Received fatal alert: bad_certificate")))
                .isEqualTo(Reason.CLIENT_CERTIFICATE_REJECTED);
    }

    @Test
    void noCommonVersionAndAnythingElseAreSaidAsSuch() {
        assertThat(TlsHandshakeException.reasonOf(new SSLHandshakeException("Received fatal alert: protocol_version")))
                .isEqualTo(Reason.PROTOCOL_MISMATCH);
        assertThat(TlsHandshakeException.reasonOf(new SSLHandshakeException("Received fatal alert: handshake_failure")))
                .isEqualTo(Reason.HANDSHAKE_FAILURE);
    }

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException failure = new SSLHandshakeException(message);
        failure.initCause(cause);
        return failure;
    }
}
