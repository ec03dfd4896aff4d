package io.kafkaex.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SCRAM's client side against the RFC test vectors, and the checks that must refuse a wrong server. */
class ScramSaslClientTest {

    // RFC 7677 §3: SCRAM-SHA-256, user "user", password "pencil".
    private static final String NONCE_256 = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST_256 = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String CLIENT_FINAL_256 =
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_FINAL_256 = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static ScramSaslClient sha256(String user, String password) {
        return new ScramSaslClient("SCRAM-SHA-256", ScramAlgorithm.SHA_256, user, Password.of(password), () -> NONCE_256);
    }

    @Test
    void followsTheRfc7677Sha256ExchangeAndVerifiesTheServer() {
        ScramSaslClient client = sha256("user", "pencil");

        assertThat(text(client.initialResponse())).isEqualTo("n,,n=user,r=" + NONCE_256);
        assertThat(text(client.evaluateChallenge(SERVER_FIRST_256.getBytes(UTF_8)))).isEqualTo(CLIENT_FINAL_256);
        assertThat(client.isComplete()).isFalse();
        assertThat(client.evaluateChallenge(SERVER_FINAL_256.getBytes(UTF_8))).isNull();
        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void followsTheRfc5802Sha1Exchange() {
        ScramSaslClient client = new ScramSaslClient("SCRAM-SHA-1", ScramAlgorithm.SHA_1, "user", Password.of("pencil"),
                () -> "fyko+d2lbbFgONRv9qkxdawL");

        assertThat(text(client.initialResponse())).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        byte[] clientFinal = client.evaluateChallenge(
                "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096".getBytes(UTF_8));
        assertThat(text(clientFinal)).isEqualTo("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        assertThat(client.evaluateChallenge("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=".getBytes(UTF_8))).isNull();
        assertThat(client.isComplete()).isTrue();
    }

    @Test
    void refusesAServerSignatureThatDoesNotVerify() {
        ScramSaslClient client = awaitingServerFinal();

        assertThatThrownBy(() -> client.evaluateChallenge("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".getBytes(UTF_8)))
                .isInstanceOf(SaslProtocolException.class).hasMessageContaining("server signature does not verify");
        assertThat(client.isComplete()).isFalse();
    }

    @Test
    void aClientWithAnotherPasswordDoesNotAcceptTheRealServersSignature() {
        ScramSaslClient client = sha256("user", "not-pencil");
        client.initialResponse();
        assertThat(text(client.evaluateChallenge(SERVER_FIRST_256.getBytes(UTF_8)))).isNotEqualTo(CLIENT_FINAL_256);

        assertThatThrownBy(() -> client.evaluateChallenge(SERVER_FINAL_256.getBytes(UTF_8)))
                .isInstanceOf(SaslProtocolException.class).hasMessageNotContaining("not-pencil");
    }

    @Test
    void refusesAServerNonceThatDoesNotStartWithTheClientNonce() {
        ScramSaslClient client = sha256("user", "pencil");
        client.initialResponse();

        assertThatThrownBy(() -> client.evaluateChallenge("r=XOprNGfwEbeRWgbNEkqO%hvYD,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
                .getBytes(UTF_8))).isInstanceOf(SaslProtocolException.class).hasMessageContaining("nonce");
    }

    @Test
    void refusesAServerNonceThatOnlyRepeatsTheClientNonce() {
        ScramSaslClient client = sha256("user", "pencil");
        client.initialResponse();

        assertThatThrownBy(() -> client.evaluateChallenge(("r=" + NONCE_256 + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
                .getBytes(UTF_8))).isInstanceOf(SaslProtocolException.class).hasMessageContaining("nonce");
    }

    @Test
    void reportsTheServersErrorAttribute() {
        ScramSaslClient client = awaitingServerFinal();

        assertThatThrownBy(() -> client.evaluateChallenge("e=invalid-proof".getBytes(UTF_8)))
                .isInstanceOf(SaslProtocolException.class).hasMessageContaining("invalid-proof");
    }

    @Test
    void refusesMalformedServerFirstMessages() {
        for (String serverFirst : new String[] {"garbage", "r=" + NONCE_256 + "x,i=4096", "r=" + NONCE_256 + "x,s=!!,i=1",
                "r=" + NONCE_256 + "x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0", "m=ext,r=" + NONCE_256 + "x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1"}) {
            ScramSaslClient client = sha256("user", "pencil");
            client.initialResponse();
            assertThatThrownBy(() -> client.evaluateChallenge(serverFirst.getBytes(UTF_8)))
                    .as(serverFirst).isInstanceOf(SaslProtocolException.class);
        }
    }

    @Test
    void escapesCommaAndEqualsInTheUserName() {
        ScramSaslClient client = sha256("a=b,c", "pencil");

        assertThat(text(client.initialResponse())).isEqualTo("n,,n=a=3Db=2Cc,r=" + NONCE_256);
    }

    @Test
    void preparesTheUserNameWithSaslPrep() {
        ScramSaslClient client = sha256("us\u00ADer\u00A0x", "pencil");

        assertThat(text(client.initialResponse())).isEqualTo("n,,n=user x,r=" + NONCE_256);
    }

    @Test
    void aMessageAfterCompletionIsRefused() {
        ScramSaslClient client = awaitingServerFinal();
        client.evaluateChallenge(SERVER_FINAL_256.getBytes(UTF_8));

        assertThatThrownBy(() -> client.evaluateChallenge(SERVER_FINAL_256.getBytes(UTF_8)))
                .isInstanceOf(SaslProtocolException.class);
    }

    @Test
    void randomNoncesDifferPerAuthentication() {
        String first = text(SaslMechanism.SCRAM_SHA_512.newClient("user", Password.of("pencil")).initialResponse());
        String second = text(SaslMechanism.SCRAM_SHA_512.newClient("user", Password.of("pencil")).initialResponse());

        assertThat(first).startsWith("n,,n=user,r=").hasSizeGreaterThan("n,,n=user,r=".length() + 30);
        assertThat(first).isNotEqualTo(second);
    }

    /** The RFC 7677 client after it answered server-first. */
    private static ScramSaslClient awaitingServerFinal() {
        ScramSaslClient client = sha256("user", "pencil");
        client.initialResponse();
        client.evaluateChallenge(SERVER_FIRST_256.getBytes(UTF_8));
        return client;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }
}
