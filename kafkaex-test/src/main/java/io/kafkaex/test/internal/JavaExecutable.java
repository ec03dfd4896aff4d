package io.kafkaex.test.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the tools of the JDK the test JVM runs on. Any thread may call it. */
final class JavaExecutable {

    private JavaExecutable() {
    }

    /** The {@code java} launcher of the running JDK. */
    static Path java() {
        return tool("java");
    }

    /** A tool such as {@code keytool} from the running JDK's {@code bin} directory. */
    static Path tool(String name) {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path tool = bin.resolve(name);
        if (Files.isExecutable(tool)) {
            return tool;
        }
        Path windows = bin.resolve(name + ".exe");
        if (Files.isExecutable(windows)) {
            return windows;
        }
        throw new IllegalStateException("No " + name + " in " + bin + ": the harness needs a full JDK");
    }
}
