package io.kafkaex.security;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013) of user names and passwords for SCRAM, as far as the JDK makes it possible: non-ASCII
 * spaces (table C.1.2) become U+0020, characters "commonly mapped to nothing" (table B.1) are removed, the
 * result is normalised with Unicode NFKC, and prohibited output is refused: control characters (C.2),
 * private use (C.3), non-characters (C.4), surrogate code points (C.5) and the tagging, display and
 * inappropriate characters of C.6–C.9.
 *
 * <p>Limits: the bidirectional-text check (RFC 3454 §6) is not made, and unassigned code points are allowed
 * (the "stored strings" rule is not applied), as the Java client does not make them either; NFKC is the
 * JDK's current Unicode version, not Unicode 3.2. Plain ASCII input is returned unchanged.
 *
 * <p>Stateless and thread-safe.
 */
final class SaslPrep {

    private SaslPrep() {
    }

    /**
     * The prepared form of {@code text}.
     *
     * @param what what the text is ("username", "password"), for the error message; the text itself is never
     *     put into a message
     * @throws SaslProtocolException when the text contains a prohibited character
     */
    static String prepare(String text, String what) {
        StringBuilder mapped = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (isMappedToNothing(codePoint)) {
                return;
            }
            mapped.appendCodePoint(isNonAsciiSpace(codePoint) ? ' ' : codePoint);
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        normalized.codePoints().forEach(codePoint -> {
            if (isProhibited(codePoint)) {
                throw new SaslProtocolException("The SCRAM " + what + " contains a character SASLprep prohibits (U+"
                        + String.format("%04X", codePoint) + ")");
            }
        });
        return normalized;
    }

    private static boolean isNonAsciiSpace(int c) {
        return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    private static boolean isMappedToNothing(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200D)
                || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
    }

    private static boolean isProhibited(int c) {
        return isControl(c) || isPrivateUse(c) || isNonCharacter(c) || (c >= 0xD800 && c <= 0xDFFF)
                || (c >= 0xFFF9 && c <= 0xFFFD) // C.6 inappropriate for plain text, C.7 for canonical representation
                || (c >= 0x2FF0 && c <= 0x2FFB) // C.7 ideographic description characters
                || c == 0x0340 || c == 0x0341 || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x206A && c <= 0x206F) // C.8 change display properties
                || c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F); // C.9 tagging characters
    }

    private static boolean isControl(int c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == 0x06DD || c == 0x070F || c == 0x180E
                || (c >= 0x200C && c <= 0x200D) || c == 0x2028 || c == 0x2029 || (c >= 0x2060 && c <= 0x2063)
                || (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC)
                || (c >= 0x1D173 && c <= 0x1D17A);
    }

    private static boolean isPrivateUse(int c) {
        return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
    }

    private static boolean isNonCharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }
}
