package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON string literals and flat objects of strings. */
class SaslJsonTest {

    @Test
    void controlCharactersAreEscapedAsUnicode() {
        assertThat(SaslJson.quote("a\nb\\\"")).isEqualTo("\"a\\u000ab\\\\\\\"\"");
    }

    @Test
    void aFlatObjectOfStringsIsReadWithItsEscapes() {
        assertThat(SaslJson.parseStringObject(" { \"a\" : \"x\\\"y\\u0041\\/\" ,\"b\":\"\"} ")).containsExactly(
                Map.entry("a", "x\"yA/"), Map.entry("b", ""));
        assertThat(SaslJson.parseStringObject("{}")).isEmpty();
    }

    @Test
    void anythingElseIsRefused() {
        for (String text : new String[] {"", "[]", "{\"a\":1}", "{\"a\":\"x\"} x", "{\"a\":\"x\",}", "{\"a\":\"x\\q\"}",
                "{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":\"x", "{\"a\":{}}"}) {
            assertThatThrownBy(() -> SaslJson.parseStringObject(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a JSON object of strings");
        }
    }
}
