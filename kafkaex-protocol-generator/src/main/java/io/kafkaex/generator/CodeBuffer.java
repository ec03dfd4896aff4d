package io.kafkaex.generator;

/** Accumulates Java source lines with indentation. */
final class CodeBuffer {

    private final StringBuilder text = new StringBuilder();
    private int indent;

    /** Appends one line at the current indentation; a line ending in '{' indents what follows. */
    CodeBuffer line(String line) {
        if (line.startsWith("}")) {
            indent--;
        }
        if (!line.isEmpty()) {
            text.append("    ".repeat(Math.max(0, indent))).append(line);
        }
        text.append('\n');
        if (line.endsWith("{")) {
            indent++;
        }
        return this;
    }

    CodeBuffer blank() {
        return line("");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
