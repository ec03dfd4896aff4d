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

    private final Path docsDirectory = Path.of(System.getProperty("docs.dir", "."));

    @Test
    void everySampleBlockOfTheGuidesEqualsItsRegion() throws Exception {
        MarkdownSamples samples = new MarkdownSamples(docsDirectory);
        boolean update = Boolean.getBoolean("docs.update");

        List<String> problems = update ? samples.refresh() : samples.check();

        assertThat(problems).as("sample blocks of docs/*.md").isEmpty();
    }

    /** Every guide (every {@code docs/*.md}; not {@code docs/dev/}): its Java and YAML blocks are compiled samples. */
    @Test
    void noGuideHasAPastedJavaOrYamlBlock() throws Exception {
        List<Path> guides = new MarkdownSamples(docsDirectory).guides();
        assertThat(guides).as("the guides").hasSizeGreaterThanOrEqualTo(15);
        List<String> pasted = new ArrayList<>();
        for (Path guide : guides) {
            List<String> lines = Files.readAllLines(guide, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                boolean javaOrYaml = line.equals("```java") || line.equals("```yaml") || line.equals("```yml");
                boolean marked = i > 0 && lines.get(i - 1).strip().startsWith("<!-- sample: ");
                boolean oneLiner = i + 2 < lines.size() && lines.get(i + 2).strip().equals("```");
                if (javaOrYaml && !marked && !oneLiner) {
                    pasted.add(guide.getFileName() + ":" + (i + 1));
                }
            }
        }
        assertThat(pasted).as("Java/YAML blocks without a '<!-- sample: ... -->' marker: move them into "
                + "docs/src/main (java/io/kafkaex/docs/samples or resources/samples) or docs/src/test, and include "
                + "them").isEmpty();
    }
}
