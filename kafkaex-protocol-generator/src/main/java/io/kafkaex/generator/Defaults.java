package io.kafkaex.generator;

/** Turns a field's schema default into a Java expression of the field's type. */
final class Defaults {

    private Defaults() {
    }

    static String expression(FieldSpec field) {
        FieldType type = field.type();
        String text = field.defaultValue();
        if ("null".equals(text)) {
            if (!field.canBeNull()) {
                throw new IllegalArgumentException(field.name() + " defaults to null but is never nullable");
            }
            return "null";
        }
        if (type.array()) {
            return "new ArrayList<>(0)";
        }
        return switch (type.name()) {
            case "bool" -> text == null ? "false" : Boolean.toString(Boolean.parseBoolean(text));
            case "int8" -> "(byte) " + integer(text);
            case "int16" -> "(short) " + integer(text);
            case "uint16", "int32" -> Long.toString(integer(text));
            case "uint32", "int64" -> integer(text) + "L";
            case "float64" -> text == null ? "0.0" : Double.toString(Double.parseDouble(text));
            case "string" -> text == null ? "\"\"" : quote(text);
            case "bytes", "records" -> "ByteBuffer.allocate(0)";
            case "uuid" -> "new UUID(0L, 0L)";
            default -> "new " + type.name() + "()";
        };
    }

    private static long integer(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String trimmed = text.trim();
        boolean negative = trimmed.startsWith("-");
        String digits = negative ? trimmed.substring(1) : trimmed;
        long value = digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
        return negative ? -value : value;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
