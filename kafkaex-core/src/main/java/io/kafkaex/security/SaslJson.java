package io.kafkaex.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON that SASL messages need (RFC 8259): a string as a JSON string literal, and a flat object
 * whose values are all strings read back into a map, such as the AWS_MSK_IAM server response. Anything else
 * (nesting, numbers, duplicate keys, trailing text) is refused. Stateless; any thread.
 */
final class SaslJson {

    private final String text;
    private int position;

    private SaslJson(String text) {
        this.text = text;
    }

    /** {@code text} as a JSON string literal (RFC 8259 escapes). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The members of {@code text}, a JSON object whose values are all strings, in their order.
     *
     * @throws IllegalArgumentException saying where {@code text} is not such an object
     */
    static Map<String, String> parseStringObject(String text) {
        return new SaslJson(text).object();
    }

    private Map<String, String> object() {
        Map<String, String> members = new LinkedHashMap<>();
        expect('{');
        if (!peek('}')) {
            do {
                String key = string();
                expect(':');
                if (members.put(key, string()) != null) {
                    throw malformed("duplicate key " + quote(key));
                }
            } while (peek(',') && expect(','));
        }
        expect('}');
        skipWhitespace();
        if (position != text.length()) {
            throw malformed("text after the object");
        }
        return members;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw malformed("a control character in a string");
            }
            out.append(c == '\\' ? escaped() : c);
        }
        throw malformed("an unterminated string");
    }

    private char escaped() {
        if (position >= text.length()) {
            throw malformed("an unterminated string");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            default -> throw malformed("the escape \\" + c);
        };
    }

    private char unicode() {
        if (position + 4 > text.length()) {
            throw malformed("a short \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw malformed("a \\u escape that is not hexadecimal");
        }
    }

    private boolean peek(char c) {
        skipWhitespace();
        return position < text.length() && text.charAt(position) == c;
    }

    private boolean expect(char c) {
        if (!peek(c)) {
            throw malformed("'" + c + "' expected at offset " + position);
        }
        position++;
        return true;
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private static IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("not a JSON object of strings: " + what);
    }
}
