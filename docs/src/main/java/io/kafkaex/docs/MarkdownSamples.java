package io.kafkaex.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the code blocks of the Markdown guides equal to compiled samples. A sample is included as a marker line
 * {@code <!-- sample: main/java/io/kafkaex/docs/samples/Foo.java#region -->} (the path relative to {@code docs/src},
 * so a sample may also be a test that the build runs, under {@code test/java}; without {@code #region}, the whole
 * file), immediately followed by a fenced code block with the region's text.
 * {@link #check} reports every block that differs from its region; {@link #refresh} rewrites them (and adds the
 * block after a marker that has none), so nobody copies samples by hand.
 *
 * <p>Not thread-safe: one thread at a time.
 */
public final class MarkdownSamples {

    /** The command that rewrites every sample block of the guides, for messages. */
    public static final String REFRESH_COMMAND = "./mvnw -B -pl docs -am verify -Dtest=DocSamplesTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true";

    private static final Pattern MARKER = Pattern.compile("^\\s*<!-- sample: ([^#\\s]+)(?:#([\\w.-]+))? -->\\s*$");
    private static final String FENCE = "```";

    private final Path docsDirectory;
    private final Path sourceRoot;

    /** Samples of the guides in {@code docsDirectory} (the docs module), with sources under its {@code src}. */
    public MarkdownSamples(Path docsDirectory) {
        this.docsDirectory = docsDirectory;
        this.sourceRoot = docsDirectory.resolve("src");
    }

    /** One problem per sample block that differs from its region, or whose marker or region is broken. */
    public List<String> check() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path guide : guides()) {
            problems.addAll(process(guide, Files.readAllLines(guide, StandardCharsets.UTF_8), false).problems());
        }
        return problems;
    }

    /**
     * Rewrites every sample block that differs from its region.
     *
     * @return the problems refreshing cannot fix (a missing sample file or region)
     */
    public List<String> refresh() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path guide : guides()) {
            List<String> lines = Files.readAllLines(guide, StandardCharsets.UTF_8);
            Outcome outcome = process(guide, lines, true);
            problems.addAll(outcome.unfixable());
            if (!outcome.lines().equals(lines)) {
                Files.writeString(guide, String.join("\n", outcome.lines()) + "\n", StandardCharsets.UTF_8);
            }
        }
        return problems;
    }

    /** The guides: every {@code *.md} file of the docs directory (not of its subdirectories). */
    public List<Path> guides() throws IOException {
        try (Stream<Path> files = Files.list(docsDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    private Outcome process(Path guide, List<String> lines, boolean rewrite) {
        List<String> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> unfixable = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i++);
            out.add(line);
            Matcher marker = MARKER.matcher(line);
            if (!marker.matches()) {
                continue;
            }
            String where = docsDirectory.relativize(guide) + ":" + i + " (sample " + marker.group(1)
                    + (marker.group(2) == null ? "" : "#" + marker.group(2)) + ")";
            List<String> region;
            try {
                region = SampleRegion.read(sourceRoot.resolve(marker.group(1)), marker.group(2));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
                unfixable.add(where + ": " + e.getMessage());
                continue;
            }
            boolean hasBlock = i < lines.size() && lines.get(i).strip().startsWith(FENCE);
            int close = hasBlock ? closingFence(lines, i) : -1;
            if (hasBlock && close < 0) {
                problems.add(where + ": the code block after the marker is not closed");
                unfixable.add(where + ": the code block after the marker is not closed");
                continue;
            }
            String indent = hasBlock ? lines.get(i).substring(0, lines.get(i).indexOf(FENCE)) : "";
            String opening = hasBlock ? lines.get(i) : FENCE + language(marker.group(1));
            List<String> block = hasBlock ? SampleRegion.normalize(lines.subList(i + 1, close)) : List.of();
            if (!hasBlock) {
                problems.add(where + ": no fenced code block follows the marker; run " + REFRESH_COMMAND);
            } else if (!block.equals(region)) {
                problems.add(where + ": the code block differs from the sample region; run " + REFRESH_COMMAND);
            }
            if (hasBlock || rewrite) {
                out.add(opening);
                out.addAll(rewrite ? region.stream().map(text -> text.isEmpty() ? text : indent + text).toList()
                        : lines.subList(i + 1, close));
                out.add(indent + FENCE);
            }
            i = hasBlock ? close + 1 : i;
        }
        return new Outcome(out, problems, unfixable);
    }

    private static int closingFence(List<String> lines, int opening) {
        for (int j = opening + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals(FENCE)) {
                return j;
            }
        }
        return -1;
    }

    private static String language(String path) {
        if (path.endsWith(".java")) {
            return "java";
        }
        return path.endsWith(".yml") || path.endsWith(".yaml") ? "yaml" : "";
    }

    private record Outcome(List<String> lines, List<String> problems, List<String> unfixable) {
    }
}
