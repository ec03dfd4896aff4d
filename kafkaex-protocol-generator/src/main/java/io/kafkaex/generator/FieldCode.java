package io.kafkaex.generator;

/**
 * Emits the statements that read, write and size one field value, for every field type. The surrounding
 * method declares {@code version} (short) and {@code flexible} (boolean) and the reader or writer.
 */
final class FieldCode {

    private final FieldSpec field;

    FieldCode(FieldSpec field) {
        this.field = field;
    }

    /** The expression telling whether this field uses compact encodings in {@code version}. */
    String compact() {
        if (field.flexibleVersions() == null) {
            return "flexible";
        }
        String own = field.flexibleVersions().test("version");
        return own.equals("true") ? "flexible" : own.equals("false") ? "false" : "(flexible && " + own + ")";
    }

    /** Statements writing {@code value} with {@code writer}. */
    void write(CodeBuffer code, String value) {
        FieldType type = field.type();
        if (type.array()) {
            code.line("if (" + value + " == null) {");
            requireNullable(code);
            code.line("writer.writeNullArray(" + compact() + ");");
            code.line("} else {");
            code.line("writer.writeArrayLength(" + value + ".size(), " + compact() + ");");
            code.line("for (" + type.javaElementType(true) + " element : " + value + ") {");
            writeElement(code, type.element(), "element", true);
            code.line("}");
            code.line("}");
        } else if (type.isStruct() && field.canBeNull()) {
            code.line("if (" + value + " == null) {");
            requireNullable(code);
            code.line("writer.writeByte((byte) -1);");
            code.line("} else {");
            code.line("writer.writeByte((byte) 1);");
            code.line(value + ".write(writer, version);");
            code.line("}");
        } else {
            if (!type.isJavaPrimitive() && !type.isStruct()) {
                code.line("if (" + value + " == null) {");
                requireNullable(code);
                code.line("}");
            }
            writeElement(code, type, value, false);
        }
    }

    private void writeElement(CodeBuffer code, FieldType type, String value, boolean inArray) {
        if (inArray) {
            code.line("if (" + value + " == null) {");
            code.line("throw new IllegalArgumentException(\"" + field.name() + " must not contain null elements\");");
            code.line("}");
        }
        switch (type.name()) {
            case "bool" -> code.line("writer.writeBoolean(" + value + ");");
            case "int8" -> code.line("writer.writeByte(" + value + ");");
            case "int16" -> code.line("writer.writeShort(" + value + ");");
            case "uint16" -> code.line("writer.writeUnsignedShort(" + value + ");");
            case "int32" -> code.line("writer.writeInt(" + value + ");");
            case "int64" -> code.line("writer.writeLong(" + value + ");");
            case "float64" -> code.line("writer.writeDouble(" + value + ");");
            case "uuid" -> code.line("writer.writeUuid(" + value + ");");
            case "string" -> code.line("writer.writeString(" + value + ", " + compact() + ");");
            case "bytes", "records" -> code.line("writer.writeBytes(" + value + ", " + compact() + ");");
            default -> code.line(value + ".write(writer, version);");
        }
    }

    /** Statements adding the encoded size of {@code value} to the int variable {@code total}. */
    void size(CodeBuffer code, String value, String total) {
        FieldType type = field.type();
        if (type.array()) {
            code.line("if (" + value + " == null) {");
            code.line(total + " += " + compact() + " ? 1 : 4;");
            code.line("} else {");
            code.line(total + " += ByteSizes.lengthPrefix(" + value + ".size(), " + compact() + ", 4);");
            int fixed = fixedSize(type.element());
            if (fixed > 0) {
                code.line(total + " += " + value + ".size() * " + fixed + ";");
            } else {
                code.line("for (" + type.javaElementType(true) + " element : " + value + ") {");
                code.line(total + " += " + elementSize(type.element(), "element") + ";");
                code.line("}");
            }
            code.line("}");
        } else if (type.isStruct() && field.canBeNull()) {
            code.line(total + " += 1 + (" + value + " == null ? 0 : " + value + ".size(version));");
        } else {
            code.line(total + " += " + elementSize(type, value) + ";");
        }
    }

    private String elementSize(FieldType type, String value) {
        int fixed = fixedSize(type);
        if (fixed > 0) {
            return Integer.toString(fixed);
        }
        return switch (type.name()) {
            case "string" -> "ByteSizes.string(" + value + ", " + compact() + ")";
            case "bytes", "records" -> "(" + value + " == null ? (" + compact() + " ? 1 : 4) : ByteSizes.lengthPrefix("
                    + value + ".remaining(), " + compact() + ", 4) + " + value + ".remaining())";
            default -> value + ".size(version)";
        };
    }

    private static int fixedSize(FieldType type) {
        return switch (type.name()) {
            case "bool", "int8" -> 1;
            case "int16", "uint16" -> 2;
            case "int32" -> 4;
            case "int64", "float64" -> 8;
            case "uuid" -> 16;
            default -> 0;
        };
    }

    /** Statements reading one value from {@code reader} into {@code target}. */
    void read(CodeBuffer code, String target, String reader) {
        FieldType type = field.type();
        if (type.array()) {
            code.line("int " + field.javaName() + "Count = " + reader + ".readArrayLength(" + compact() + ", "
                    + (compact().equals("false") ? Integer.toString(type.minimumElementSize(false))
                    : compact() + " ? " + type.minimumElementSize(true) + " : " + type.minimumElementSize(false)) + ");");
            code.line("if (" + field.javaName() + "Count < 0) {");
            rejectNull(code);
            code.line(target + " = null;");
            code.line("} else {");
            String list = field.javaName() + "List";
            String index = field.javaName() + "Index";
            code.line("List<" + type.javaElementType(true) + "> " + list + " = new ArrayList<>(" + field.javaName() + "Count);");
            code.line("for (int " + index + " = 0; " + index + " < " + field.javaName() + "Count; " + index + "++) {");
            code.line(list + ".add(" + readElement(type.element(), reader) + ");");
            code.line("}");
            code.line(target + " = " + list + ";");
            code.line("}");
        } else if (type.isStruct() && field.canBeNull()) {
            code.line("if (" + reader + ".readByte() < 0) {");
            rejectNull(code);
            code.line(target + " = null;");
            code.line("} else {");
            code.line(target + " = " + type.name() + ".read(" + reader + ", version);");
            code.line("}");
        } else if (!type.isJavaPrimitive() && !type.isStruct() && !type.name().equals("uuid")) {
            code.line(target + " = " + readElement(type, reader) + ";");
            code.line("if (" + target + " == null) {");
            rejectNull(code);
            code.line("}");
        } else {
            code.line(target + " = " + readElement(type, reader) + ";");
        }
    }

    private String readElement(FieldType type, String reader) {
        return switch (type.name()) {
            case "bool" -> reader + ".readBoolean()";
            case "int8" -> reader + ".readByte()";
            case "int16" -> reader + ".readShort()";
            case "uint16" -> reader + ".readUnsignedShort()";
            case "int32" -> reader + ".readInt()";
            case "int64" -> reader + ".readLong()";
            case "float64" -> reader + ".readDouble()";
            case "uuid" -> reader + ".readUuid()";
            case "string" -> reader + ".readString(" + compact() + ")";
            case "bytes", "records" -> reader + ".readBytes(" + compact() + ")";
            default -> type.name() + ".read(" + reader + ", version)";
        };
    }

    /** An expression that is true when {@code value} equals the field's default. */
    String isDefault(String value) {
        String defaultValue = Defaults.expression(field);
        FieldType type = field.type();
        if (type.isJavaPrimitive()) {
            return type.name().equals("float64") ? "Double.compare(" + value + ", " + defaultValue + ") == 0"
                    : value + " == " + defaultValue;
        }
        if (defaultValue.equals("null")) {
            return value + " == null";
        }
        if (type.array()) {
            return "(" + value + " != null && " + value + ".isEmpty())";
        }
        if (type.name().equals("bytes") || type.name().equals("records")) {
            return "(" + value + " != null && !" + value + ".hasRemaining())";
        }
        return "java.util.Objects.equals(" + value + ", " + defaultValue + ")";
    }

    private void requireNullable(CodeBuffer code) {
        code.line("if (!(" + field.nullableVersions().test("version") + ")) {");
        code.line("throw new IllegalArgumentException(\"" + field.name() + " must not be null at version \" + version);");
        code.line("}");
    }

    private void rejectNull(CodeBuffer code) {
        code.line("if (!(" + field.nullableVersions().test("version") + ")) {");
        code.line("throw new ProtocolException(\"" + field.name() + " is null but may not be at version \" + version);");
        code.line("}");
    }
}
