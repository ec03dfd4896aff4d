package io.kafkaex.generator;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one of Kafka's JSON message schemas (which contain {@code //} comments) into a {@link MessageSpec}. */
final class SchemaParser {

    private final ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    MessageSpec parse(Path file) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        Versions valid = Versions.parse(root.path("validVersions").asText());
        Versions flexible = root.has("flexibleVersions") ? Versions.parse(root.get("flexibleVersions").asText()) : Versions.NONE;
        Map<String, List<FieldSpec>> common = new LinkedHashMap<>();
        for (JsonNode struct : root.path("commonStructs")) {
            common.put(struct.get("name").asText(), fields(struct.path("fields")));
        }
        return new MessageSpec(root.get("name").asText(), root.get("type").asText(), root.path("apiKey").asInt(-1),
                valid, flexible, root.path("latestVersionUnstable").asBoolean(false), fields(root.path("fields")), common);
    }

    private List<FieldSpec> fields(JsonNode array) {
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode field : array) {
            fields.add(new FieldSpec(
                    field.get("name").asText(),
                    FieldType.parse(field.get("type").asText()),
                    Versions.parse(field.get("versions").asText()),
                    field.has("nullableVersions") ? Versions.parse(field.get("nullableVersions").asText()) : Versions.NONE,
                    field.has("taggedVersions") ? Versions.parse(field.get("taggedVersions").asText()) : Versions.NONE,
                    field.path("tag").asInt(-1),
                    field.has("flexibleVersions") ? Versions.parse(field.get("flexibleVersions").asText()) : null,
                    field.has("default") ? field.get("default").asText() : null,
                    field.path("ignorable").asBoolean(false),
                    field.path("about").asText(""),
                    fields(field.path("fields"))));
        }
        return fields;
    }
}
