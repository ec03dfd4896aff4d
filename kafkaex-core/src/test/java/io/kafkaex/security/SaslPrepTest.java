package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 4013 §3's examples and the mapping rules. */
class SaslPrepTest {

    @Test
    void mapsAsTheRfcExamplesShow() {
        assertThat(SaslPrep.prepare("I\u00ADX", "username")).isEqualTo("IX"); // soft hyphen mapped to nothing
        assertThat(SaslPrep.prepare("user", "username")).isEqualTo("user");
        assertThat(SaslPrep.prepare("USER", "username")).isEqualTo("USER"); // case preserved
        assertThat(SaslPrep.prepare("\u00AA", "username")).isEqualTo("a"); // NFKC
        assertThat(SaslPrep.prepare("\u2168", "username")).isEqualTo("IX"); // NFKC
    }

    @Test
    void mapsNonAsciiSpacesToSpace() {
        assertThat(SaslPrep.prepare("a\u3000b\u2003c", "password")).isEqualTo("a b c");
    }

    @Test
    void refusesProhibitedCharactersWithoutShowingTheText() {
        assertThatThrownBy(() -> SaslPrep.prepare("secret\u0007", "password"))
                .isInstanceOf(SaslProtocolException.class).hasMessageContaining("U+0007").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> SaslPrep.prepare("x\uE000", "username")).isInstanceOf(SaslProtocolException.class);
        assertThatThrownBy(() -> SaslPrep.prepare("x\uFDD0", "username")).isInstanceOf(SaslProtocolException.class);
    }
}
