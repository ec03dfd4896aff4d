package io.kafkaex.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a network client could leak, counted at one moment so that a test can compare before and after: live
 * threads whose names start with a prefix, and this JVM's open descriptors that are no file (sockets, pipes,
 * epoll and event descriptors, as a {@code Selector} holds), read from {@code /proc/self/fd}. Where that
 * does not exist, every open descriptor counts (from {@code UnixOperatingSystemMXBean}).
 *
 * @param threads     live threads named with the prefix
 * @param descriptors open descriptors that are no file
 */
record OpenResources(long threads, long descriptors) {

    private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");

    /** The counts now, for threads whose names start with {@code threadNamePrefix}. */
    static OpenResources now(String threadNamePrefix) {
        long threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(threadNamePrefix)).count();
        return new OpenResources(threads, Files.isDirectory(OWN_DESCRIPTORS) ? nonFileDescriptors() : allDescriptors());
    }

    private static long nonFileDescriptors() {
        try (Stream<Path> descriptors = Files.list(OWN_DESCRIPTORS)) {
            return descriptors.filter(OpenResources::isNoFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sockets, pipes and anonymous inodes link to {@code socket:[…]}, {@code pipe:[…]}, {@code anon_inode:…}. */
    private static boolean isNoFile(Path descriptor) {
        try {
            return !Files.readSymbolicLink(descriptor).toString().startsWith("/");
        } catch (IOException e) {
            return false; // closed since it was listed
        }
    }

    private static long allDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getOpenFileDescriptorCount();
        }
        throw new IllegalStateException("Cannot count open descriptors on this system");
    }
}
