package io.kafkaex.test.junit;

import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link KafkaTestCluster} parameters for classes annotated with {@link KafkaExBroker} or
 * {@link KafkaExCluster}. A {@code KafkaExBroker} broker lives in the root store, keyed by its listeners,
 * so all test classes of the run share it; a {@code KafkaExCluster} lives in the test class' store and is
 * closed with it. JUnit calls this extension from its own threads; the stores serialise creation.
 */
public final class KafkaExBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<KafkaExCluster> cluster = AnnotationSupport.findAnnotation(testClass, KafkaExCluster.class);
        if (cluster.isPresent()) {
            ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
            return started(store.computeIfAbsent("cluster",
                    key -> start(cluster.get().brokers(), cluster.get().listeners())));
        }
        KafkaExBroker broker = AnnotationSupport.findAnnotation(testClass, KafkaExBroker.class)
                .orElseThrow(() -> new ParameterResolutionException(testClass.getName()
                        + " needs @KafkaExBroker or @KafkaExCluster to receive a KafkaTestCluster"));
        Set<BrokerListener> listeners = listenerSet(broker.listeners());
        return started(context.getRoot().getStore(NAMESPACE).computeIfAbsent("shared-broker-" + listeners,
                key -> start(1, broker.listeners())));
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /**
     * Starts a cluster, or returns the failure: a failed start is stored like a cluster, so the tests that
     * follow fail at once with the same cause instead of each waiting for another broker that cannot start.
     */
    private static Object start(int brokers, BrokerListener[] listeners) {
        try {
            return KafkaTestCluster.builder().brokers(brokers).listeners(listeners).start();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static KafkaTestCluster started(Object stored) {
        if (stored instanceof RuntimeException failure) {
            throw new ParameterResolutionException("The test broker did not start: " + failure.getMessage(), failure);
        }
        return (KafkaTestCluster) stored;
    }

    private static Set<BrokerListener> listenerSet(BrokerListener[] listeners) {
        return listeners.length == 0 ? EnumSet.of(BrokerListener.PLAINTEXT) : EnumSet.copyOf(Arrays.asList(listeners));
    }
}
