package io.kafkaex.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The configuration metadata the IDE shows: a description for every property, hints for closed value sets. */
class ConfigurationMetadataTest {

    /** The property groups of other parts of the starter, described by their own tests. */
    private static final List<String> OTHER_GROUPS = List.of("kafkaex.listener.", "kafkaex.admin.", "kafkaex.template.",
            "kafkaex.health.", "kafkaex.metrics.");

    @Test
    void everyPropertyHasADescription() throws IOException {
        JsonNode metadata = read("META-INF/spring-configuration-metadata.json");
        List<String> undescribed = new ArrayList<>();
        int checked = 0;
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (!name.startsWith("kafkaex.") || OTHER_GROUPS.stream().anyMatch(name::startsWith)) {
                continue;
            }
            checked++;
            JsonNode description = property.get("description");
            if (description == null || description.asString().isBlank()) {
                undescribed.add(name);
            }
        }

        assertThat(checked).isGreaterThan(70);
        assertThat(undescribed).isEmpty();
    }

    @Test
    void closedValueSetsHaveHints() throws IOException {
        JsonNode metadata = read("META-INF/spring-configuration-metadata.json");
        Map<String, String> expected = Map.of("kafkaex.sasl.mechanism", "SCRAM-SHA-256",
                "kafkaex.security.protocol", "SASL_SSL", "kafkaex.producer.acks", "all",
                "kafkaex.producer.compression-type", "lz4", "kafkaex.producer.partitioner", "round-robin",
                "kafkaex.consumer.assignors", "cooperative-sticky", "kafkaex.consumer.auto-offset-reset", "earliest",
                "kafkaex.producer.value-serializer", "io.kafkaex.spring.serialization.JsonSerializer",
                "kafkaex.consumer.value-deserializer", "io.kafkaex.spring.serialization.JsonDeserializer");

        expected.forEach((property, value) -> {
            List<String> values = new ArrayList<>();
            for (JsonNode hint : metadata.get("hints")) {
                if (hint.get("name").asString().equals(property)) {
                    hint.get("values").forEach(v -> values.add(v.get("value").asString()));
                }
            }
            assertThat(values).as(property).contains(value);
        });
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
