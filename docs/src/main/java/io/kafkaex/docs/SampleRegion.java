package io.kafkaex.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A region of a compiled sample source, between the lines {@code tag::name[]} and {@code end::name[]} (in any
 * comment syntax: {@code // tag::send[]} in Java, {@code # tag::send[]} in YAML), or the whole file without a name.
 * Lines of other regions' tags inside it are left out, so regions may nest.
 *
 * <p>Stateless; any thread may use it.
 */
final class SampleRegion {

    private SampleRegion() {
    }

    /**
     * The region's lines, {@link #normalize normalized}.
     *
     * @param region the region's name, or {@code null} for the whole file
     * @throws IllegalArgumentException when the file or the region does not exist
     */
    static List<String> read(Path source, String region) {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("sample file " + source + " does not exist");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = region == null ? 0 : indexOf(lines, "tag::" + region + "[]", 0, source, region) + 1;
        int end = region == null ? lines.size() : indexOf(lines, "end::" + region + "[]", start, source, region);
        return normalize(lines.subList(start, end).stream().filter(line -> !isTag(line)).toList());
    }

    /**
     * The lines without trailing whitespace, without the indentation they all share, and without leading and
     * trailing blank lines: what a sample and a Markdown block are compared by.
     */
    static List<String> normalize(List<String> lines) {
        List<String> stripped = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!stripped.isEmpty() && stripped.get(0).isEmpty()) {
            stripped.remove(0);
        }
        while (!stripped.isEmpty() && stripped.get(stripped.size() - 1).isEmpty()) {
            stripped.remove(stripped.size() - 1);
        }
        int indent = stripped.stream().filter(line -> !line.isEmpty())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return stripped.stream().map(line -> line.isEmpty() ? line : line.substring(indent)).toList();
    }

    private static int indexOf(List<String> lines, String tag, int from, Path source, String region) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(tag)) {
                return i;
            }
        }
        throw new IllegalArgumentException("sample file " + source + " has no '" + tag + "' line of region '"
                + region + "'");
    }

    private static boolean isTag(String line) {
        return line.matches(".*\\b(tag|end)::[\\w.-]+\\[].*");
    }
}
