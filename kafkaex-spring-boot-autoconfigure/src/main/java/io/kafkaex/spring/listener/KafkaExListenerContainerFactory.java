package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.consumer.KafkaExConsumerGroup;
import io.kafkaex.consumer.OffsetResetPolicy;
import io.kafkaex.spring.serialization.Deserializer;
import io.micrometer.observation.ObservationRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.convert.DurationStyle;

/**
 * Makes the container of each {@code @KafkaExListener} endpoint: its members' options (from the application's
 * {@code kafkaex.*} settings, then the listener's commit mode and {@code properties} overrides), its converters, its
 * error handler and its reply producer. The auto-configuration defines one named
 * {@value #DEFAULT_BEAN_NAME}; define another bean of this type and name it in {@code containerFactory} to give some
 * listeners other settings.
 *
 * <p>With an {@link ObservationRegistry} set, each listener invocation (per record, or per batch for a batch listener)
 * is a Micrometer observation ({@value DefaultKafkaExListenerObservationConvention#NAME}) that continues the trace
 * carried in the record's headers; see {@link KafkaExListenerReceiverContext}.
 *
 * <p>Thread-safe; configure it (observation) before the containers are created, used while the context starts.
 */
public class KafkaExListenerContainerFactory implements AutoCloseable {

    /** The bean name of the default factory. */
    public static final String DEFAULT_BEAN_NAME = "kafkaExListenerContainerFactory";

    /** The consumer-group options of one member, before the listener's own settings. */
    @FunctionalInterface
    public interface MemberOptions {
        ConsumerGroupOptions.Builder of(String listenerId, int index, String groupId, List<String> topics);
    }

    private final MemberOptions memberOptions;
    private final DeserializerFactory deserializers;
    private final Class<? extends Deserializer<?>> keyDeserializer;
    private final Class<? extends Deserializer<?>> valueDeserializer;
    private final Function<String, ListenerErrorHandler> errorHandlers;
    private final ListenerReplyProducer replies;
    private final ThreadFactory workerThreads;
    private final Supplier<List<String>> clusterTopics;
    private final ScheduledExecutorService patternChecks;
    private final Duration patternInterval;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    private KafkaExListenerObservationConvention observationConvention;
    private List<ListenerRebalanceListener> rebalanceListeners = List.of();
    private List<ListenerFailureListener> failureListeners = List.of();

    /**
     * @param memberOptions the options of each member ({@code kafkaex.*} and the customizers applied)
     * @param deserializers chooses key and value deserializers
     * @param keyDeserializer the configured key deserializer class, or {@code null} (by the parameter type)
     * @param valueDeserializer the configured value deserializer class, or {@code null}
     * @param errorHandlers the error handler for a bean name, or the default one for {@code null}
     * @param replies sends {@code @SendTo} replies
     * @param workerThreads the threads that invoke listeners (virtual threads), or {@code null} for the core's
     * @param clusterTopics every topic of the cluster now, for topic patterns
     * @param patternChecks runs the periodic topic-pattern checks
     * @param patternInterval how often a topic pattern is checked again
     */
    public KafkaExListenerContainerFactory(MemberOptions memberOptions, DeserializerFactory deserializers,
            Class<? extends Deserializer<?>> keyDeserializer, Class<? extends Deserializer<?>> valueDeserializer,
            Function<String, ListenerErrorHandler> errorHandlers, ListenerReplyProducer replies,
            ThreadFactory workerThreads, Supplier<List<String>> clusterTopics, ScheduledExecutorService patternChecks,
            Duration patternInterval) {
        this.memberOptions = memberOptions;
        this.deserializers = deserializers;
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
        this.errorHandlers = errorHandlers;
        this.replies = replies;
        this.workerThreads = workerThreads;
        this.clusterTopics = clusterTopics;
        this.patternChecks = patternChecks;
        this.patternInterval = patternInterval;
    }

    /** Tells {@code listeners} about every member's assignments and revocations; none by default. */
    public void setRebalanceListeners(List<ListenerRebalanceListener> listeners) {
        this.rebalanceListeners = List.copyOf(listeners);
    }

    /** Tells {@code listeners} about every failed invocation and the error handler's decision; none by default. */
    public void setFailureListeners(List<ListenerFailureListener> listeners) {
        this.failureListeners = List.copyOf(listeners);
    }

    /** Observes every listener invocation in this registry ({@link ObservationRegistry#NOOP}, the default, observes nothing). */
    public void setObservationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
    }

    /** Replaces the default naming and tags of the listener observation; {@code null} restores them. */
    public void setObservationConvention(KafkaExListenerObservationConvention observationConvention) {
        this.observationConvention = observationConvention;
    }

    /** Stops the topic-pattern checks; called when the context closes, after the containers stopped. */
    @Override
    public void close() {
        patternChecks.shutdownNow();
    }

    /** The container of {@code endpoint}, not started. */
    public MessageListenerContainer createContainer(KafkaExListenerEndpoint endpoint) {
        ListenerInvoker invoker = observed(endpoint);
        RecordConverter converter = new RecordConverter(deserializers.create(invoker.keyType(), keyDeserializer),
                deserializers.create(invoker.payloadType(), valueDeserializer));
        ListenerErrorHandler errorHandler = errorHandlers.apply(endpoint.errorHandler());
        ListenerSettings settings = new ListenerSettings(endpoint.id(), endpoint.groupId(), endpoint.batch(),
                endpoint.commitMode(), endpoint.replyTopic());
        Duration shutdownTimeout = options(endpoint, 0, probeTopics(endpoint)).build().shutdownTimeout();
        return new KafkaExMessageListenerContainer(endpoint,
                (index, topics, consumer) -> KafkaExConsumerGroup.start(options(endpoint, index, topics).build(), consumer),
                stop -> member -> new ListenerAdapter(settings, invoker, converter, errorHandler, replies, stop, member,
                        rebalanceListeners, failureListeners),
                () -> matching(endpoint), patternChecks, patternInterval, shutdownTimeout);
    }

    private ListenerInvoker observed(KafkaExListenerEndpoint endpoint) {
        return observationRegistry == ObservationRegistry.NOOP ? endpoint.invoker()
                : new ObservedListenerInvoker(endpoint.invoker(), endpoint.id(), observationRegistry, observationConvention);
    }

    /** Topics that make valid options before the pattern is resolved: the settings are the same for every member. */
    private static List<String> probeTopics(KafkaExListenerEndpoint endpoint) {
        return endpoint.topicPattern() != null ? List.of("pattern") : endpoint.subscribedTopics();
    }

    private List<String> matching(KafkaExListenerEndpoint endpoint) {
        return clusterTopics.get().stream().filter(topic -> endpoint.topicPattern().matcher(topic).matches()).sorted()
                .toList();
    }

    /** The options of member {@code index}: the member options, the commit mode, overrides, fixed partitions. */
    ConsumerGroupOptions.Builder options(KafkaExListenerEndpoint endpoint, int index, List<String> topics) {
        ConsumerGroupOptions.Builder builder = memberOptions.of(endpoint.id(), index, endpoint.groupId(), topics);
        if (endpoint.commitMode() == CommitMode.BATCH) {
            builder.commitThreshold(0);
        }
        endpoint.properties().forEach((name, value) -> override(builder, endpoint.id(), name, value));
        if (workerThreads != null) {
            builder.workerThreadFactory(workerThreads);
        }
        if (!endpoint.assignment().isEmpty()) {
            builder.assign(share(endpoint.assignment(), index, endpoint.concurrency()));
        }
        return builder;
    }

    /** Member {@code index}'s part of the fixed partitions: every {@code concurrency}-th one. */
    private static Map<TopicPartition, Long> share(Map<TopicPartition, Long> assignment, int index, int concurrency) {
        List<TopicPartition> ordered = new ArrayList<>(assignment.keySet());
        ordered.sort(java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        Map<TopicPartition, Long> part = new HashMap<>();
        for (int i = index; i < ordered.size(); i += concurrency) {
            part.put(ordered.get(i), assignment.get(ordered.get(i)));
        }
        return part;
    }

    private static void override(ConsumerGroupOptions.Builder builder, String listenerId, String name, String value) {
        try {
            switch (name) {
                case "commit-interval" -> builder.commitInterval(DurationStyle.detectAndParse(value));
                case "commit-threshold" -> builder.commitThreshold(Integer.parseInt(value.trim()));
                case "auto-offset-reset" -> builder.autoOffsetReset(OffsetResetPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT)));
                case "session-timeout" -> builder.sessionTimeout(DurationStyle.detectAndParse(value));
                case "heartbeat-interval" -> builder.heartbeatInterval(DurationStyle.detectAndParse(value));
                case "shutdown-timeout" -> builder.shutdownTimeout(DurationStyle.detectAndParse(value));
                default -> throw new IllegalArgumentException("unknown property");
            }
        } catch (RuntimeException invalid) {
            throw new IllegalStateException("@KafkaExListener '" + listenerId + "' has an invalid properties entry '"
                    + name + "=" + value + "' (" + invalid.getMessage() + "); known: commit-interval, commit-threshold, "
                    + "auto-offset-reset (earliest, latest, none), session-timeout, heartbeat-interval, shutdown-timeout",
                    invalid);
        }
    }
}
