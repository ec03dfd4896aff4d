package io.kafkaex.test.internal;

import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.io.DefaultModelReader;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime classpath of one Apache Kafka broker version: {@code org.apache.kafka:kafka_2.13} with its
 * runtime dependencies and the logging binding that version needs, resolved with Maven Resolver into the
 * local Maven repository (downloaded from Maven Central on first use, offline afterwards).
 *
 * <p>The remote repository is Maven's own default (read from Maven's super POM), or the URL in the system
 * property {@value #REPOSITORY_PROPERTY} for a mirror. The local repository is the system property
 * {@code maven.repo.local} (the build passes its own) or {@code ~/.m2/repository}.
 *
 * <p>Thread-safe; each version is resolved once per JVM.
 */
public final class KafkaDistribution {

    /** System property naming a Maven repository URL to resolve the broker from instead of Maven Central. */
    public static final String REPOSITORY_PROPERTY = "kafkaex.test.maven.repository";

    private static final Logger log = LoggerFactory.getLogger(KafkaDistribution.class);
    private static final Map<String, KafkaDistribution> RESOLVED = new ConcurrentHashMap<>();

    private final String version;
    private final List<Path> classpath;

    private KafkaDistribution(String version, List<Path> classpath) {
        this.version = version;
        this.classpath = List.copyOf(classpath);
    }

    /** The distribution of {@code version}, resolving it on first use in this JVM. */
    public static KafkaDistribution of(String version) {
        return RESOLVED.computeIfAbsent(version, KafkaDistribution::resolve);
    }

    /** The broker version, for example {@code 4.4.0}. */
    public String version() {
        return version;
    }

    /** Whether this is a 3.x broker (reload4j logging) rather than 4.x or newer (log4j2 logging). */
    public boolean usesReload4j() {
        return isReload4jLine(version);
    }

    /** Jar files of the broker's runtime classpath. */
    public List<Path> classpath() {
        return classpath;
    }

    private static KafkaDistribution resolve(String version) {
        long start = System.nanoTime();
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            session.setSystemProperties(System.getProperties()); // POM profiles activate on the JDK as in Maven
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, localRepository()));

            CollectRequest collect = new CollectRequest();
            collect.setRepositories(List.of(remoteRepository()));
            collect.addDependency(runtime("org.apache.kafka:kafka_2.13:" + version));
            for (String binding : loggingBinding(version)) {
                collect.addDependency(runtime(binding));
            }
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = system.resolveDependencies(session, request).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(artifact -> artifact.getFile().toPath())
                    .toList();
            log.info("Resolved Apache Kafka {} broker: {} jars in {} ms", version, jars.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return new KafkaDistribution(version, jars);
        } catch (DependencyResolutionException e) {
            throw new IllegalStateException("Cannot resolve the Apache Kafka " + version + " broker (org.apache.kafka:"
                    + "kafka_2.13:" + version + ") from " + remoteRepository().getUrl() + ": " + e.getMessage()
                    + ". Check the version and the network, or set -D" + REPOSITORY_PROPERTY + "=<mirror url>.", e);
        } finally {
            system.shutdown();
        }
    }

    /**
     * The logging jars a broker distribution ships in its {@code libs} but its POM leaves out. For 4.x the
     * slf4j 2 API is listed too: kafka-clients' POM names slf4j-api 1.7, which would win otherwise.
     */
    private static List<String> loggingBinding(String version) {
        if (isReload4jLine(version)) {
            return List.of("org.slf4j:slf4j-reload4j:1.7.36", "ch.qos.reload4j:reload4j:1.2.25");
        }
        return List.of("org.slf4j:slf4j-api:2.0.17",
                "org.apache.logging.log4j:log4j-slf4j2-impl:2.25.5",
                "org.apache.logging.log4j:log4j-core:2.25.5");
    }

    private static boolean isReload4jLine(String version) {
        return Integer.parseInt(version.substring(0, version.indexOf('.'))) < 4;
    }

    private static Dependency runtime(String coordinates) {
        return new Dependency(new DefaultArtifact(coordinates), JavaScopes.RUNTIME);
    }

    private static LocalRepository localRepository() {
        String configured = System.getProperty("maven.repo.local");
        Path path = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(configured);
        return new LocalRepository(path.toFile());
    }

    private static RemoteRepository remoteRepository() {
        String url = System.getProperty(REPOSITORY_PROPERTY);
        if (url == null || url.isBlank()) {
            url = mavenDefaultRepositoryUrl();
        }
        return new RemoteRepository.Builder("central", "default", url).build();
    }

    /** The URL of Maven's built-in {@code central} repository, as Maven's own super POM declares it. */
    private static String mavenDefaultRepositoryUrl() {
        try (InputStream superPom = DefaultModelReader.class.getResourceAsStream("/org/apache/maven/model/pom-4.0.0.xml")) {
            if (superPom == null) {
                throw new IllegalStateException("Maven's super POM is missing from the classpath (maven-model-builder)");
            }
            Model model = new DefaultModelReader().read(superPom, Map.of());
            return model.getRepositories().stream()
                    .filter(repository -> "central".equals(repository.getId()))
                    .map(Repository::getUrl)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Maven's super POM declares no central repository"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Maven's super POM", e);
        }
    }
}
