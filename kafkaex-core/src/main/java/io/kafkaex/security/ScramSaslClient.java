package io.kafkaex.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The client side of SCRAM (RFC 5802, RFC 7677) without channel binding: client-first
 * ({@code n,,n=user,r=nonce}), then the client-final message with the proof in answer to server-first, then a
 * check of the server's signature in server-final. The server nonce must extend the client's; the server must
 * prove it knows the salted password, else the exchange fails with {@link SaslProtocolException}. User name
 * and password are SASLprep'd ({@link SaslPrep}); {@code =} and {@code ,} in the user name are escaped as
 * {@code =3D} and {@code =2C}.
 *
 * <p>One instance per authentication; not thread-safe.
 */
final class ScramSaslClient implements SaslMechanismClient {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 24;
    private static final int MAX_ITERATIONS = 1 << 20;

    private enum State { INITIAL, FIRST_SENT, FINAL_SENT, COMPLETE }

    private final String mechanism;
    private final ScramAlgorithm algorithm;
    private final String username;
    private final Password password;
    private final Supplier<String> nonces;
    private State state = State.INITIAL;
    private String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    ScramSaslClient(String mechanism, ScramAlgorithm algorithm, String username, Password password) {
        this(mechanism, algorithm, username, password, ScramSaslClient::randomNonce);
    }

    /** With a nonce source of its own: for the RFC test vectors. */
    ScramSaslClient(String mechanism, ScramAlgorithm algorithm, String username, Password password, Supplier<String> nonces) {
        this.mechanism = mechanism;
        this.algorithm = algorithm;
        this.username = username;
        this.password = password;
        this.nonces = nonces;
    }

    @Override
    public String mechanism() {
        return mechanism;
    }

    @Override
    public byte[] initialResponse() {
        expect(State.INITIAL, "client-first");
        clientNonce = nonces.get();
        clientFirstBare = "n=" + escape(SaslPrep.prepare(username, "username")) + ",r=" + clientNonce;
        state = State.FIRST_SENT;
        return utf8("n,," + clientFirstBare);
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        String message = new String(challenge, StandardCharsets.UTF_8);
        return switch (state) {
            case FIRST_SENT -> clientFinal(ScramAttributes.parse(message, "server-first"), message);
            case FINAL_SENT -> {
                verifyServerFinal(ScramAttributes.parse(message, "server-final"));
                yield null;
            }
            default -> throw new SaslProtocolException(mechanism + ": unexpected message from the broker in state " + state);
        };
    }

    @Override
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    private byte[] clientFinal(ScramAttributes serverFirst, String serverFirstMessage) {
        serverFirst.failOnServerError(mechanism);
        if (serverFirst.has('m')) {
            throw new SaslProtocolException(mechanism + ": the broker asks for a mandatory extension this client does not know");
        }
        String serverNonce = serverFirst.required('r');
        if (!serverNonce.startsWith(clientNonce) || serverNonce.length() == clientNonce.length()) {
            throw new SaslProtocolException(mechanism + ": the server nonce does not extend the client nonce");
        }
        byte[] salt = serverFirst.base64('s');
        int iterations = serverFirst.positiveInt('i', MAX_ITERATIONS);

        String clientFinalWithoutProof = "c=biws,r=" + serverNonce; // biws = base64("n,,"): no channel binding
        byte[] authMessage = utf8(clientFirstBare + "," + serverFirstMessage + "," + clientFinalWithoutProof);
        byte[] saltedPassword = algorithm.saltedPassword(SaslPrep.prepare(password.reveal(), "password"), salt, iterations);
        byte[] clientKey = algorithm.hmac(saltedPassword, utf8("Client Key"));
        byte[] clientSignature = algorithm.hmac(algorithm.hash(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        expectedServerSignature = algorithm.hmac(algorithm.hmac(saltedPassword, utf8("Server Key")), authMessage);
        state = State.FINAL_SENT;
        return utf8(clientFinalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    private void verifyServerFinal(ScramAttributes serverFinal) {
        serverFinal.failOnServerError(mechanism);
        byte[] signature = serverFinal.base64('v');
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new SaslProtocolException(mechanism + ": the broker's server signature does not verify; it does not know"
                    + " this user's credentials, or something between client and broker altered the exchange");
        }
        state = State.COMPLETE;
    }

    private void expect(State expected, String step) {
        if (state != expected) {
            throw new SaslProtocolException(mechanism + ": " + step + " in state " + state);
        }
    }

    /** RFC 5802 §5.1: {@code =} and {@code ,} in a saslname become {@code =3D} and {@code =2C}. */
    static String escape(String saslName) {
        return saslName.replace("=", "=3D").replace(",", "=2C");
    }

    private static String randomNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
