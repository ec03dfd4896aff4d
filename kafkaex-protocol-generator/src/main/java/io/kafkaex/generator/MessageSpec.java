package io.kafkaex.generator;

import java.util.List;
import java.util.Map;

/**
 * One schema file: a request, response, header or data message.
 *
 * @param name                  e.g. {@code MetadataRequest}
 * @param type                  {@code request}, {@code response}, {@code header} or {@code data}
 * @param apiKey                the API key of requests and responses, else -1
 * @param validVersions         versions of the message
 * @param flexibleVersions      versions with compact encodings and tagged fields
 * @param latestVersionUnstable whether brokers do not offer the highest version by default
 * @param fields                top-level fields
 * @param commonStructs         structs shared by several fields, by name
 */
record MessageSpec(String name, String type, int apiKey, Versions validVersions, Versions flexibleVersions,
        boolean latestVersionUnstable, List<FieldSpec> fields, Map<String, List<FieldSpec>> commonStructs) {

    /** The API name of a request or response: {@code Metadata} for {@code MetadataRequest}. */
    String apiName() {
        return name.replaceFirst("(Request|Response)$", "");
    }
}
