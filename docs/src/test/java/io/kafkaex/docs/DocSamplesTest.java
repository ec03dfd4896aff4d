package io.kafkaex.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code blocks of the guides are the compiled samples. With {@code -Ddocs.update=true} the test rewrites the
 * blocks from the samples instead of failing ({@link MarkdownSamples#REFRESH_COMMAND}).
 */
class DocSamplesTest {

    /** Guides whose Java and YAML blocks are all compiled samples, except one-liners. */
    private static final List<String> FULLY_SAMPLED_GUIDES = List.of("spring-boot.md");

    private final Path docsDirectory = Path.of(System.getProperty("docs.dir", "."));

    @Test
    void everySampleBlockOfTheGuidesEqualsItsRegion() throws Exception {
        MarkdownSamples samples = new MarkdownSamples(docsDirectory);
        boolean update = Boolean.getBoolean("docs.update");

        List<String> problems = update ? samples.refresh() : samples.check();

        assertThat(problems).as("sample blocks of docs/*.md").isEmpty();
    }

    @Test
    void theSpringBootGuideHasNoPastedJavaOrYamlBlock() throws Exception {
        List<String> pasted = new ArrayList<>();
        for (String guide : FULLY_SAMPLED_GUIDES) {
            List<String> lines = Files.readAllLines(docsDirectory.resolve(guide), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                boolean javaOrYaml = line.equals("```java") || line.equals("```yaml");
                boolean marked = i > 0 && lines.get(i - 1).strip().startsWith("<!-- sample: ");
                boolean oneLiner = i + 2 < lines.size() && lines.get(i + 2).strip().equals("```");
                if (javaOrYaml && !marked && !oneLiner) {
                    pasted.add(guide + ":" + (i + 1));
                }
            }
        }
        assertThat(pasted).as("Java/YAML blocks without a '<!-- sample: ... -->' marker: move them into "
                + "docs/src/main (java/io/kafkaex/docs/samples or resources/samples) and include them").isEmpty();
    }
}
