package io.kafkaex.test.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes a directory tree, best effort. Used by the parent when a cluster closes and by an orphaned child
 * before it halts. Depends on nothing but the JDK. Any thread may call it.
 */
public final class TreeDeletion {

    private TreeDeletion() {
    }

    /**
     * Deletes {@code root} and everything below it; files that cannot be deleted (for example still being
     * written by a dying process) are left and no exception is thrown.
     *
     * @return whether the tree is gone afterwards
     */
    public static boolean deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return true;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(TreeDeletion::deleteOne);
        } catch (IOException | UncheckedIOException e) {
            // the tree changed while walking it: report by the return value
        }
        return !Files.exists(root);
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // keep going: delete as much as can be deleted
        }
    }
}
