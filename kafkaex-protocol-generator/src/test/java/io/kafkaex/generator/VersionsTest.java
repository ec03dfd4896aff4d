package io.kafkaex.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void parsesEverySchemaForm() {
        assertThat(Versions.parse("3+")).isEqualTo(new Versions((short) 3, Short.MAX_VALUE));
        assertThat(Versions.parse("1-5")).isEqualTo(new Versions((short) 1, (short) 5));
        assertThat(Versions.parse("2")).isEqualTo(new Versions((short) 2, (short) 2));
        assertThat(Versions.parse("none").isEmpty()).isTrue();
    }

    @Test
    void rendersTheShortestTest() {
        assertThat(Versions.parse("0+").test("v")).isEqualTo("true");
        assertThat(Versions.parse("none").test("v")).isEqualTo("false");
        assertThat(Versions.parse("4+").test("v")).isEqualTo("v >= 4");
        assertThat(Versions.parse("0-3").test("v")).isEqualTo("v <= 3");
        assertThat(Versions.parse("2-5").test("v")).isEqualTo("(v >= 2 && v <= 5)");
        assertThat(Versions.parse("7").test("v")).isEqualTo("v == 7");
    }

    @Test
    void defaultsBecomeJavaLiteralsOfTheFieldType() {
        assertThat(Defaults.expression(field("int32", "0x7fffffff", "none"))).isEqualTo("2147483647");
        assertThat(Defaults.expression(field("int64", "-1", "none"))).isEqualTo("-1L");
        assertThat(Defaults.expression(field("int16", null, "none"))).isEqualTo("(short) 0");
        assertThat(Defaults.expression(field("string", "null", "0+"))).isEqualTo("null");
        assertThat(Defaults.expression(field("string", "a\"b", "none"))).isEqualTo("\"a\\\"b\"");
        assertThat(Defaults.expression(field("[]int32", null, "none"))).isEqualTo("new ArrayList<>(0)");
        assertThat(Defaults.expression(field("uuid", null, "none"))).isEqualTo("new UUID(0L, 0L)");
    }

    @Test
    void fieldNamesAvoidJavaKeywordsAndApiNamesBecomeConstants() {
        assertThat(field("int32", null, "none").javaName()).isEqualTo("field");
        assertThat(new FieldSpec("Default", FieldType.parse("bool"), Versions.ALL, Versions.NONE, Versions.NONE, -1,
                null, null, false, "", List.of()).javaName()).isEqualTo("defaultValue");
        assertThat(ApiKeyWriter.constantName("DescribeCluster")).isEqualTo("DESCRIBE_CLUSTER");
        assertThat(ApiKeyWriter.constantName("ApiVersions")).isEqualTo("API_VERSIONS");
    }

    private static FieldSpec field(String type, String defaultValue, String nullable) {
        return new FieldSpec("Field", FieldType.parse(type), Versions.parse("0+"), Versions.parse(nullable), Versions.NONE,
                -1, null, defaultValue, false, "", List.of());
    }
}
