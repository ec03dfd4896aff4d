package io.kafkaex.autoconfigure.nojackson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The starter's auto-configuration starts without Jackson on the class path (Jackson is an optional dependency): the
 * application runs in a child JVM whose class path is this test's without any Jackson jar, because a filtering class
 * loader cannot hide Jackson from classes its parent already loaded.
 */
class NoJacksonApplicationTest {

    @Test
    void anApplicationWithoutJacksonStartsWithTheTemplateAndAStringListener() throws Exception {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String withoutJackson = Arrays.stream(testClassPath.split(File.pathSeparator))
                .filter(entry -> !entry.contains(File.separator + "jackson")).collect(Collectors.joining(File.pathSeparator));
        assertThat(withoutJackson).isNotEqualTo(testClassPath).doesNotContain("jackson-databind");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                withoutJackson, NoJacksonApplication.class.getName()).redirectErrorStream(true).start();
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).as(output).contains(NoJacksonApplication.STARTED);
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
        }
    }
}
