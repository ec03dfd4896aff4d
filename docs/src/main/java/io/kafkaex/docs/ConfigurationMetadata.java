package io.kafkaex.docs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's part of the Spring Boot configuration metadata ({@value #LOCATION}, written by the configuration
 * processor from the property classes and merged with {@code additional-spring-configuration-metadata.json}), read
 * from the classpath: the groups, properties and value hints whose source is a KafkaEx type.
 *
 * <p>Immutable; any thread may use it.
 *
 * @param groups the groups, by name
 * @param properties the properties, by name
 * @param hints the values of each property's value hint, by property name
 */
public record ConfigurationMetadata(List<Group> groups, List<Property> properties, Map<String, List<String>> hints) {

    /** Where the configuration processor writes the metadata. */
    public static final String LOCATION = "META-INF/spring-configuration-metadata.json";

    private static final String KAFKAEX_TYPES = "io.kafkaex.";

    /**
     * A group of properties: a property class, or a nested class of one.
     *
     * @param name the group's prefix, e.g. {@code kafkaex.producer}
     * @param type the binary name of the class that holds the group's properties
     */
    public record Group(String name, String type) {

        /** Whether the group is held by a nested class (e.g. {@code kafkaex.sasl.oauth}), not a class of its own. */
        public boolean isNestedClass() {
            return type.contains("$");
        }
    }

    /**
     * One property.
     *
     * @param name the full name, e.g. {@code kafkaex.producer.linger}
     * @param type its Java type as the metadata writes it
     * @param description its description ({@code ""} when the metadata has none)
     * @param defaultValue the default the metadata knows, or {@code null}
     */
    public record Property(String name, String type, String description, Object defaultValue) {
    }

    /** Reads every metadata file on the class loader's classpath and keeps the KafkaEx entries. */
    public static ConfigurationMetadata load(ClassLoader classLoader) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        List<Group> groups = new ArrayList<>();
        List<Property> properties = new ArrayList<>();
        Map<String, List<String>> hints = new LinkedHashMap<>();
        Enumeration<URL> files = classLoader.getResources(LOCATION);
        while (files.hasMoreElements()) {
            Map<String, Object> file;
            try (InputStream in = files.nextElement().openStream()) {
                file = mapper.readValue(in, Map.class);
            }
            List<String> kafkaExNames = new ArrayList<>();
            for (Map<String, Object> entry : entries(file, "groups")) {
                if (isKafkaEx(entry)) {
                    groups.add(new Group(text(entry, "name"), text(entry, "type")));
                }
            }
            for (Map<String, Object> entry : entries(file, "properties")) {
                if (isKafkaEx(entry)) {
                    properties.add(new Property(text(entry, "name"), text(entry, "type"), text(entry, "description"),
                            entry.get("defaultValue")));
                    kafkaExNames.add(text(entry, "name"));
                }
            }
            for (Map<String, Object> entry : entries(file, "hints")) {
                if (kafkaExNames.contains(text(entry, "name"))) {
                    hints.put(text(entry, "name"), entries(entry, "values").stream()
                            .map(value -> String.valueOf(value.get("value"))).toList());
                }
            }
        }
        if (properties.isEmpty()) {
            throw new IllegalStateException("No KafkaEx property in any " + LOCATION + " on the classpath: is "
                    + "kafkaex-spring-boot-autoconfigure (built with its configuration processor) a dependency?");
        }
        groups.sort(Comparator.comparing(Group::name));
        properties.sort(Comparator.comparing(Property::name));
        return new ConfigurationMetadata(List.copyOf(groups), List.copyOf(properties), Collections.unmodifiableMap(hints));
    }

    /** The values of the property's hint, empty when it has none. */
    public List<String> hintValues(String propertyName) {
        return hints.getOrDefault(propertyName, List.of());
    }

    private static boolean isKafkaEx(Map<String, Object> entry) {
        return text(entry, "sourceType").startsWith(KAFKAEX_TYPES);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> node, String field) {
        Object entries = node.get(field);
        return entries == null ? List.of() : (List<Map<String, Object>>) entries;
    }

    private static String text(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        return value == null ? "" : value.toString();
    }
}
