package io.kafkaex.spring.core;

import io.kafkaex.client.NewTopic;
import io.kafkaex.client.TopicResult;
import io.kafkaex.cluster.TopicInfo;
import io.kafkaex.protocol.error.KafkaError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates the topics declared as {@link NewTopic} beans once every singleton exists, before lifecycle beans such as
 * listener containers start. A topic that exists already is fine; one with fewer partitions than declared grows to
 * the declared count (partitions are never removed). A failure (broker unreachable, invalid configuration, not
 * authorized...) stops the start-up when {@code failFast}, naming the topic and the broker's error; else it is logged
 * as a warning and the application starts. Runs on the thread that refreshes the context.
 */
public class DeclaredTopicCreator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DeclaredTopicCreator.class);

    private final KafkaExAdmin admin;
    private final Supplier<List<NewTopic>> declaredTopics;
    private final boolean failFast;

    /**
     * @param declaredTopics the topics to create, asked for when the singletons exist
     * @param failFast whether a topic that cannot be created fails the start-up
     */
    public DeclaredTopicCreator(KafkaExAdmin admin, Supplier<List<NewTopic>> declaredTopics, boolean failFast) {
        this.admin = admin;
        this.declaredTopics = declaredTopics;
        this.failFast = failFast;
    }

    @Override
    public void afterSingletonsInstantiated() {
        createDeclaredTopics();
    }

    /** Creates the declared topics that do not exist and grows those with fewer partitions than declared. */
    public void createDeclaredTopics() {
        List<NewTopic> topics = declaredTopics.get();
        if (topics.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        RuntimeException cause = null;
        try {
            for (TopicResult result : admin.createTopics(topics).failedTopics()) {
                if (result.error() != KafkaError.TOPIC_ALREADY_EXISTS) {
                    problems.add("Could not create topic '" + result.name() + "' declared as a NewTopic bean: " + describe(result));
                }
            }
            problems.addAll(growPartitions(topics));
        } catch (RuntimeException e) {
            problems.add("Could not create the topics " + topics.stream().map(NewTopic::name).toList()
                    + " declared as NewTopic beans: " + e.getMessage());
            cause = e;
        }
        report(problems, cause);
    }

    /** Grows the topics that have fewer partitions than declared; the problems, if any. */
    private List<String> growPartitions(List<NewTopic> topics) {
        Map<String, TopicInfo> existing = admin.describeTopics(topics.stream().map(NewTopic::name).toList());
        Map<String, Integer> grow = new LinkedHashMap<>();
        for (NewTopic topic : topics) {
            TopicInfo info = existing.get(topic.name());
            if (topic.numPartitions() < 0 || info == null || info.error() != KafkaError.NONE) {
                continue;
            }
            int actual = info.partitions().size();
            if (actual < topic.numPartitions()) {
                grow.put(topic.name(), topic.numPartitions());
            } else if (actual > topic.numPartitions()) {
                log.info("Topic '{}' has {} partitions, more than the {} its NewTopic bean declares; partitions are never"
                        + " removed", topic.name(), actual, topic.numPartitions());
            }
        }
        if (grow.isEmpty()) {
            return List.of();
        }
        return admin.createPartitions(grow).failedTopics().stream()
                .map(result -> "Could not grow topic '" + result.name() + "' to the " + grow.get(result.name())
                        + " partitions its NewTopic bean declares: " + describe(result))
                .toList();
    }

    private void report(List<String> problems, RuntimeException cause) {
        if (problems.isEmpty()) {
            return;
        }
        String message = String.join("; ", problems);
        if (failFast) {
            throw new IllegalStateException(message + " (set kafkaex.admin.fail-fast=false to start anyway)", cause);
        }
        log.warn("{}; the application starts anyway (kafkaex.admin.fail-fast=false)", message, cause);
    }

    private static String describe(TopicResult result) {
        return result.error() + (result.message() == null || result.message().isBlank() ? "" : " - " + result.message());
    }
}
