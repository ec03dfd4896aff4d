package io.kafkaex.test.internal;

import io.kafkaex.test.launcher.OrphanGuardedMain;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts a child JVM that runs a main class of the Kafka distribution through {@link OrphanGuardedMain},
 * with standard output and error appended to a log file and no standard input. Any thread may call it.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param distribution   the Kafka jars to run
     * @param jvmOptions     heap and GC options, and system properties
     * @param cleanupOnOrphan directories the child deletes if the test JVM dies
     * @param log            file that receives the child's output
     * @param mainClass      the Kafka main class
     * @param args           its arguments
     */
    static Process start(KafkaDistribution distribution, List<String> jvmOptions, List<Path> cleanupOnOrphan,
            Path log, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(JavaExecutable.java().toString());
        command.addAll(jvmOptions);
        command.add("-D" + OrphanGuardedMain.CLEANUP_PROPERTY + "="
                + cleanupOnOrphan.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add("-cp");
        command.add(Stream.concat(Stream.of(launcherLocation()), distribution.classpath().stream())
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(OrphanGuardedMain.class.getName());
        command.add(mainClass);
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a child JVM for " + mainClass, e);
        }
    }

    /** The jar or classes directory holding the launcher, which is all of kafkaex-test the child needs. */
    private static Path launcherLocation() {
        try {
            return Path.of(OrphanGuardedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the kafkaex-test classes", e);
        }
    }
}
