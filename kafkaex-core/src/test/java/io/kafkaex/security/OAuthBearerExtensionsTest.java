package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OAuthBearerExtensionsTest {

    @Test
    void lettersOnlyKeysAndPrintableValuesAreKept() {
        OAuthBearerExtensions extensions = OAuthBearerExtensions.of(Map.of("traceId", "a b\tc=d,~"));

        assertThat(extensions.asMap()).containsExactly(Map.entry("traceId", "a b\tc=d,~"));
        assertThat(OAuthBearerExtensions.of(null).asMap()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "trace_id", "trace1", "tr ace", "clé"})
    void keysOtherThanAsciiLettersAreRefused(String key) {
        assertThatThrownBy(() -> OAuthBearerExtensions.of(Map.of(key, "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be one or more ASCII letters");
    }

    @Test
    void theReservedKeyAuthIsRefused() {
        assertThatThrownBy(() -> OAuthBearerExtensions.of(Map.of("auth", "Bearer x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'auth' is reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a\u0001b", "é", "a\u0000"})
    void valuesOutsideTheRfcCharsetAreRefused(String value) {
        assertThatThrownBy(() -> OAuthBearerExtensions.of(Map.of("tenant", value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extension tenant must have a non-empty value");
    }

    @Test
    void aNullValueIsRefused() {
        Map<String, String> extensions = new HashMap<>();
        extensions.put("tenant", null);

        assertThatThrownBy(() -> OAuthBearerExtensions.of(extensions)).isInstanceOf(IllegalArgumentException.class);
    }
}
