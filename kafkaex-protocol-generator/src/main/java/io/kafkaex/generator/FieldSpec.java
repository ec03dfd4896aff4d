package io.kafkaex.generator;

import java.util.List;

/**
 * One field of a message or struct, as the schema declares it.
 *
 * @param name             the schema name, e.g. {@code AllowAutoTopicCreation}
 * @param type             the field type
 * @param versions         versions the field exists in
 * @param nullableVersions versions in which it may be null, or {@code none}
 * @param taggedVersions   versions in which it is a tagged field, or {@code none}
 * @param tag              the tag, or -1
 * @param flexibleVersions versions in which it uses compact encoding, when the field narrows the message's
 * @param defaultValue     the schema default text, or {@code null}
 * @param ignorable        whether writing a non-default value to a version without the field is allowed
 * @param about            the schema's description
 * @param fields           the fields of an inline struct type, else empty
 */
record FieldSpec(String name, FieldType type, Versions versions, Versions nullableVersions, Versions taggedVersions,
        int tag, Versions flexibleVersions, String defaultValue, boolean ignorable, String about, List<FieldSpec> fields) {

    /** The Java name: lower camel case, with a suffix when that is a Java keyword. */
    String javaName() {
        String camel = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return JavaKeywords.isKeyword(camel) ? camel + "Value" : camel;
    }

    /** Upper camel case for accessors: {@code setAllowAutoTopicCreation}. */
    String capitalized() {
        String java = javaName();
        return Character.toUpperCase(java.charAt(0)) + java.substring(1);
    }

    boolean isNullableIn(int version) {
        return nullableVersions.contains(version);
    }

    boolean isTaggedIn(int version) {
        return taggedVersions.contains(version);
    }

    boolean canBeNull() {
        return !nullableVersions.intersect(versions).isEmpty();
    }
}
