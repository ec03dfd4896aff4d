package io.kafkaex.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSamplesTest {

    private static final String SOURCE = """
            package sample;

            class Sample {
                void send() {
                    // tag::send[]
                    template.send("orders", order);
                    // tag::inner[]
                    template.flush();
                    // end::inner[]
                    // end::send[]
                }
            }
            """;

    @TempDir
    Path docs;

    @BeforeEach
    void writeSample() throws Exception {
        Path source = docs.resolve("src/main/java/sample/Sample.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
    }

    @Test
    void aBlockEqualToItsRegionUpToIndentationPasses() throws Exception {
        guide("""
                <!-- sample: main/java/sample/Sample.java#send -->
                ```java
                  template.send("orders", order);
                  template.flush();
                ```
                """);

        assertThat(new MarkdownSamples(docs).check()).isEmpty();
    }

    @Test
    void aDifferentBlockIsReportedWithFileRegionAndTheRefreshCommand() throws Exception {
        guide("""
                # Guide

                <!-- sample: main/java/sample/Sample.java#send -->
                ```java
                template.send("orders", oldOrder);
                ```
                """);

        assertThat(new MarkdownSamples(docs).check()).singleElement().asString()
                .contains("guide.md:3", "main/java/sample/Sample.java#send", "differs", MarkdownSamples.REFRESH_COMMAND);
    }

    @Test
    void refreshRewritesTheBlockAndKeepsTheRest() throws Exception {
        guide("""
                Before.
                <!-- sample: main/java/sample/Sample.java#inner -->
                ```java
                stale();
                more();
                ```
                After.
                """);

        assertThat(new MarkdownSamples(docs).refresh()).isEmpty();

        assertThat(Files.readString(docs.resolve("guide.md"))).isEqualTo("""
                Before.
                <!-- sample: main/java/sample/Sample.java#inner -->
                ```java
                template.flush();
                ```
                After.
                """);
        assertThat(new MarkdownSamples(docs).check()).isEmpty();
    }

    @Test
    void aMarkerWithoutBlockFailsAndRefreshAddsTheBlock() throws Exception {
        guide("""
                <!-- sample: main/java/sample/Sample.java#inner -->
                Text.
                """);

        assertThat(new MarkdownSamples(docs).check()).singleElement().asString().contains("no fenced code block");
        new MarkdownSamples(docs).refresh();

        assertThat(Files.readString(docs.resolve("guide.md"))).isEqualTo("""
                <!-- sample: main/java/sample/Sample.java#inner -->
                ```java
                template.flush();
                ```
                Text.
                """);
    }

    @Test
    void aMissingRegionOrFileIsReportedAndNotRewritten() throws Exception {
        String text = """
                <!-- sample: main/java/sample/Sample.java#nowhere -->
                ```java
                x();
                ```
                <!-- sample: main/java/sample/Missing.java -->
                ```java
                y();
                ```
                """;
        guide(text);

        assertThat(new MarkdownSamples(docs).refresh()).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("no 'tag::nowhere[]' line"))
                .anySatisfy(problem -> assertThat(problem).contains("Missing.java does not exist"));
        assertThat(Files.readString(docs.resolve("guide.md"))).isEqualTo(text);
    }

    @Test
    void aSampleMayBeATestSourceThatTheBuildRuns() throws Exception {
        Path test = docs.resolve("src/test/java/sample/SampleIT.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, """
                class SampleIT {
                    // tag::wait[]
                    await().untilAsserted(() -> assertThat(orders.booked).contains("o-1"));
                    // end::wait[]
                }
                """);
        guide("""
                <!-- sample: test/java/sample/SampleIT.java#wait -->
                ```java
                await().untilAsserted(() -> assertThat(orders.booked).contains("o-1"));
                ```
                """);

        assertThat(new MarkdownSamples(docs).check()).isEmpty();
    }

    @Test
    void aWholeFileSampleLeavesOutTheTagLines() throws Exception {
        assertThat(SampleRegion.read(docs.resolve("src/main/java/sample/Sample.java"), null))
                .doesNotContain("        // tag::send[]")
                .contains("    void send() {", "        template.flush();");
    }

    private void guide(String text) throws Exception {
        Files.writeString(docs.resolve("guide.md"), text, StandardCharsets.UTF_8);
    }
}
