package io.kafkaex.generator;

/**
 * The type of a schema field: a primitive, a struct, or an array of either.
 *
 * @param name      the schema name without {@code []}: {@code int32}, {@code string}, {@code MetadataRequestTopic}
 * @param array     whether the field is an array of {@code name}
 */
record FieldType(String name, boolean array) {

    static FieldType parse(String text) {
        return text.startsWith("[]") ? new FieldType(text.substring(2), true) : new FieldType(text, false);
    }

    /** The element type of an array, or this type. */
    FieldType element() {
        return new FieldType(name, false);
    }

    boolean isStruct() {
        return switch (name) {
            case "bool", "int8", "int16", "uint16", "int32", "uint32", "int64", "float64", "string", "bytes", "records",
                    "uuid" -> false;
            default -> true;
        };
    }

    /** Whether values are Java primitives (compared with {@code ==}). */
    boolean isJavaPrimitive() {
        return !array && switch (name) {
            case "bool", "int8", "int16", "uint16", "int32", "uint32", "int64", "float64" -> true;
            default -> false;
        };
    }

    /** Java type of one value (not of the array). */
    String javaElementType(boolean boxed) {
        return switch (name) {
            case "bool" -> boxed ? "Boolean" : "boolean";
            case "int8" -> boxed ? "Byte" : "byte";
            case "int16" -> boxed ? "Short" : "short";
            case "uint16", "int32" -> boxed ? "Integer" : "int";
            case "uint32", "int64" -> boxed ? "Long" : "long";
            case "float64" -> boxed ? "Double" : "double";
            case "string" -> "String";
            case "bytes", "records" -> "ByteBuffer";
            case "uuid" -> "UUID";
            default -> name;
        };
    }

    /** Java type of the field. */
    String javaType() {
        return array ? "List<" + javaElementType(true) + ">" : javaElementType(false);
    }

    /** Fewest bytes one element can take, for rejecting impossible array counts. */
    int minimumElementSize(boolean compact) {
        return switch (name) {
            case "bool", "int8" -> 1;
            case "int16", "uint16" -> 2;
            case "int32", "uint32" -> 4;
            case "int64", "float64" -> 8;
            case "uuid" -> 16;
            case "string" -> compact ? 1 : 2;
            case "bytes", "records" -> compact ? 1 : 4;
            default -> 1;
        };
    }
}
