package io.kafkaex.test.launcher;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of every child JVM the harness starts (broker and storage tool).
 *
 * <p>Usage: {@code OrphanGuardedMain <main class> [args...]}. Before it calls the real main class, it starts
 * a daemon thread that watches the process that started this JVM. When that parent is gone, even killed by
 * SIGKILL so that none of its shutdown hooks ran, this JVM deletes the directories named in the system
 * property {@value #CLEANUP_PROPERTY} (separated by the path separator) and halts. So no broker outlives
 * the test JVM that started it.
 *
 * <p>This class and {@link TreeDeletion} depend on nothing but the JDK: they are the only classes of
 * kafkaex-test the child loads. Runs on the child's main thread; the guard runs on its own daemon thread.
 */
public final class OrphanGuardedMain {

    /** System property with the directories to delete when the parent dies. */
    public static final String CLEANUP_PROPERTY = "kafkaex.test.cleanup";

    /** Exit status of a child that halted because its parent died. */
    public static final int ORPHANED_EXIT_STATUS = 137;

    private static final long PARENT_CHECK_INTERVAL_MILLIS = 250;

    private OrphanGuardedMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: OrphanGuardedMain <main class> [args...]");
        }
        ProcessHandle parent = ProcessHandle.current().parent()
                .orElseThrow(() -> new IllegalStateException("This JVM has no parent process to watch"));
        Thread guard = new Thread(() -> haltWhenGone(parent), "kafkaex-orphan-guard");
        guard.setDaemon(true);
        guard.start();

        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Polls the parent; {@link ProcessHandle#isAlive()} also tells a reused pid from the original process. */
    private static void haltWhenGone(ProcessHandle parent) {
        try {
            while (parent.isAlive()) {
                Thread.sleep(PARENT_CHECK_INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            return;
        }
        String paths = System.getProperty(CLEANUP_PROPERTY, "");
        for (String path : paths.split(File.pathSeparator)) {
            if (!path.isBlank()) {
                TreeDeletion.deleteQuietly(Path.of(path));
            }
        }
        Runtime.getRuntime().halt(ORPHANED_EXIT_STATUS);
    }
}
