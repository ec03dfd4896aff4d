package io.kafkaex.network;

import java.net.InetSocketAddress;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

/**
 * The TLS handshake with a broker failed; {@link #reason()} says why and the message says what to fix. The
 * connection attempt ends (telemetry reason {@code INIT_ERROR}) and is retried only at the reconnect backoff.
 */
public class TlsHandshakeException extends BrokerConnectionException {

    /** Why a handshake failed. */
    public enum Reason {
        /** The broker's certificate does not chain to a trusted CA. */
        UNKNOWN_CA("the broker's certificate is not signed by a trusted CA (PKIX path building failed): "
                + "add the CA that signed it to the TLS trust material (trustStore or trustPem)"),
        /** The broker's certificate does not name the host connected to. */
        HOSTNAME_MISMATCH("hostname verification failed, the broker's certificate does not name the host connected to: "
                + "connect through a name or address in its subject alternative names, or issue a certificate "
                + "that names it (hostnameVerification(false) switches the check off, not for production)"),
        /** A certificate of the chain has expired or is not valid yet. */
        EXPIRED_CERTIFICATE("a certificate in the broker's chain has expired or is not yet valid: "
                + "renew it, or check this machine's clock"),
        /** The broker rejected or required the client certificate (mutual TLS). */
        CLIENT_CERTIFICATE_REJECTED("the broker rejected the client certificate or requires one: "
                + "configure a key store or PEM client certificate signed by a CA the broker trusts"),
        /** No TLS version in common. */
        PROTOCOL_MISMATCH("client and broker have no TLS version in common: check the configured protocols"),
        /** Anything else, including a broker that closed the connection mid-handshake. */
        HANDSHAKE_FAILURE("the TLS handshake failed: check that this is a TLS listener and that both sides "
                + "share a TLS version and cipher suite");

        private final String advice;

        Reason(String advice) {
            this.advice = advice;
        }

        /** What went wrong and what to do about it. */
        public String advice() {
            return advice;
        }
    }

    private final Reason reason;

    public TlsHandshakeException(InetSocketAddress broker, Reason reason, Throwable cause) {
        super(broker, "TLS handshake failed: " + reason.advice() + (cause == null ? "" : " (" + cause.getMessage() + ")"),
                cause);
        this.reason = reason;
    }

    /** Why the handshake failed. */
    public Reason reason() {
        return reason;
    }

    /** Classifies an {@link SSLException} from the handshake (or the first read after it) by its cause chain. */
    static TlsHandshakeException classify(InetSocketAddress broker, SSLException failure) {
        return new TlsHandshakeException(broker, reasonOf(failure), failure);
    }

    static Reason reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
                    || t instanceof CertPathValidatorException validator
                    && validator.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || t instanceof CertPathValidatorException notYet
                    && notYet.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return Reason.EXPIRED_CERTIFICATE;
            }
            if (message.startsWith("No subject alternative") || message.startsWith("No name matching")) {
                return Reason.HOSTNAME_MISMATCH;
            }
            if (t instanceof CertPathBuilderException || message.contains("PKIX path building failed")) {
                return Reason.UNKNOWN_CA;
            }
            if (message.contains("certificate_required") || message.contains("bad_certificate")
                    || message.contains("unknown_ca") || message.contains("certificate_unknown")) {
                return Reason.CLIENT_CERTIFICATE_REJECTED;
            }
            if (message.contains("protocol_version") || message.contains("No appropriate protocol")) {
                return Reason.PROTOCOL_MISMATCH;
            }
        }
        return Reason.HANDSHAKE_FAILURE;
    }
}
