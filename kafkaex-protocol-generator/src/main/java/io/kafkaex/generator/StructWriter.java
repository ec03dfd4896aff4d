package io.kafkaex.generator;

import java.util.Comparator;
import java.util.List;

/**
 * Emits one generated class for a message or one of its structs: fields with defaults, fluent accessors,
 * {@code read}, {@code write}, {@code size}, {@code equals}, {@code hashCode} and {@code toString}.
 */
final class StructWriter {

    private final String className;
    private final List<FieldSpec> fields;
    private final Versions flexibleVersions;

    StructWriter(String className, List<FieldSpec> fields, Versions flexibleVersions) {
        this.className = className;
        this.fields = fields;
        this.flexibleVersions = flexibleVersions;
    }

    /** The class body, from its declaration line to its closing brace. */
    void write(CodeBuffer code, String declaration, List<String> constants, Runnable nestedClasses) {
        code.line(declaration + " {");
        constants.forEach(code::line);
        if (!constants.isEmpty()) {
            code.blank();
        }
        for (FieldSpec field : fields) {
            code.line("private " + field.type().javaType() + " " + field.javaName() + " = " + Defaults.expression(field) + ";");
        }
        code.line("private List<RawTaggedField> unknownTaggedFields;");
        code.blank();
        accessors(code);
        read(code);
        write(code);
        size(code);
        equalsAndHashCode(code);
        toStringMethod(code);
        nestedClasses.run();
        code.line("}");
    }

    private void accessors(CodeBuffer code) {
        for (FieldSpec field : fields) {
            code.line("/** " + javadoc(field.about()) + " */");
            code.line("public " + field.type().javaType() + " " + field.javaName() + "() {");
            code.line("return " + field.javaName() + ";");
            code.line("}");
            code.blank();
            code.line("public " + className + " set" + field.capitalized() + "(" + field.type().javaType() + " value) {");
            code.line("this." + field.javaName() + " = value;");
            code.line("return this;");
            code.line("}");
            code.blank();
        }
        code.line("/** Tagged fields this version of the schema does not know, kept so that they survive a round trip. */");
        code.line("public List<RawTaggedField> unknownTaggedFields() {");
        code.line("return unknownTaggedFields == null ? List.of() : unknownTaggedFields;");
        code.line("}");
        code.blank();
    }

    private void read(CodeBuffer code) {
        code.line("/** Reads one " + className + " of {@code version}; malformed bytes throw {@link ProtocolException}. */");
        code.line("public static " + className + " read(ProtocolReader reader, short version) {");
        code.line("boolean flexible = " + flexibleVersions.test("version") + ";");
        code.line(className + " value = new " + className + "();");
        for (FieldSpec field : fields) {
            if (field.versions().isEmpty()) {
                continue;
            }
            code.line("if (" + untaggedCondition(field) + ") {");
            new FieldCode(field).read(code, "value." + field.javaName(), "reader");
            code.line("}");
        }
        if (!flexibleVersions.isEmpty()) {
            code.line("if (flexible) {");
            code.line("int tagCount = reader.readUnsignedVarint();");
            code.line("if (tagCount < 0 || tagCount > reader.remaining() / 2) {");
            code.line("throw new ProtocolException(\"" + className + " claims \" + tagCount + \" tagged fields in \" + reader.remaining() + \" bytes\");");
            code.line("}");
            code.line("for (int i = 0; i < tagCount; i++) {");
            code.line("int tag = reader.readUnsignedVarint();");
            code.line("int size = reader.readUnsignedVarint();");
            String prefix = "if";
            for (FieldSpec field : taggedFields()) {
                code.line(prefix + " (tag == " + field.tag() + " && " + field.taggedVersions().test("version") + ") {");
                code.line("ProtocolReader tagged = new ProtocolReader(reader.readSlice(size));");
                new FieldCode(field).read(code, "value." + field.javaName(), "tagged");
                code.line("if (tagged.remaining() != 0) {");
                code.line("throw new ProtocolException(\"Tagged field " + field.name() + " has \" + tagged.remaining() + \" unread bytes\");");
                code.line("}");
                prefix = "} else if";
            }
            if (prefix.equals("if")) {
                code.line("value.unknownTaggedFields = RawTaggedField.add(value.unknownTaggedFields, tag, reader.readSlice(size));");
            } else {
                code.line("} else {");
                code.line("value.unknownTaggedFields = RawTaggedField.add(value.unknownTaggedFields, tag, reader.readSlice(size));");
                code.line("}");
            }
            code.line("}");
            code.line("}");
        }
        code.line("return value;");
        code.line("}");
        code.blank();
    }

    private void write(CodeBuffer code) {
        code.line("/** Writes this " + className + " at {@code version} into a writer with {@link #size} bytes left. */");
        code.line("public void write(ProtocolWriter writer, short version) {");
        code.line("boolean flexible = " + flexibleVersions.test("version") + ";");
        for (FieldSpec field : fields) {
            FieldCode fieldCode = new FieldCode(field);
            String present = field.versions().test("version");
            if (!present.equals("false")) {
                code.line("if (" + present + ") {");
                if (!field.taggedVersions().isEmpty()) {
                    code.line("if (" + untaggedCondition(field) + ") {");
                    fieldCode.write(code, field.javaName());
                    code.line("}");
                } else {
                    fieldCode.write(code, field.javaName());
                }
                if (!field.ignorable() && !field.versions().containsAll(Versions.ALL)) {
                    code.line("} else if (!(" + fieldCode.isDefault(field.javaName()) + ")) {");
                    unsupported(code, field);
                }
                code.line("}");
            } else if (!field.ignorable()) {
                code.line("if (!(" + fieldCode.isDefault(field.javaName()) + ")) {");
                unsupported(code, field);
                code.line("}");
            }
        }
        if (!flexibleVersions.isEmpty()) {
            code.line("if (flexible) {");
            code.line("int tagCount = unknownTaggedFields == null ? 0 : unknownTaggedFields.size();");
            for (FieldSpec field : taggedFields()) {
                code.line("if (" + taggedPresent(field) + ") {");
                code.line("tagCount++;");
                code.line("}");
            }
            code.line("writer.writeUnsignedVarint(tagCount);");
            code.line("int rawIndex = 0;");
            for (FieldSpec field : taggedFields()) {
                code.line("if (" + taggedPresent(field) + ") {");
                code.line("rawIndex = RawTaggedField.writeBefore(writer, unknownTaggedFields, rawIndex, " + field.tag() + ");");
                code.line("int fieldSize = 0;");
                new FieldCode(field).size(code, field.javaName(), "fieldSize");
                code.line("writer.writeUnsignedVarint(" + field.tag() + ");");
                code.line("writer.writeUnsignedVarint(fieldSize);");
                new FieldCode(field).write(code, field.javaName());
                code.line("}");
            }
            code.line("RawTaggedField.writeBefore(writer, unknownTaggedFields, rawIndex, Integer.MAX_VALUE);");
            code.line("} else if (unknownTaggedFields != null && !unknownTaggedFields.isEmpty()) {");
            code.line("throw new IllegalArgumentException(\"" + className + " has tagged fields, which version \" + version + \" cannot carry\");");
            code.line("}");
        }
        code.line("}");
        code.blank();
    }

    private void size(CodeBuffer code) {
        code.line("/** The number of bytes {@link #write} produces at {@code version}. */");
        code.line("public int size(short version) {");
        code.line("boolean flexible = " + flexibleVersions.test("version") + ";");
        code.line("int size = 0;");
        for (FieldSpec field : fields) {
            if (field.versions().isEmpty()) {
                continue;
            }
            code.line("if (" + untaggedCondition(field) + ") {");
            new FieldCode(field).size(code, field.javaName(), "size");
            code.line("}");
        }
        if (!flexibleVersions.isEmpty()) {
            code.line("if (flexible) {");
            code.line("int tagCount = unknownTaggedFields == null ? 0 : unknownTaggedFields.size();");
            code.line("size += RawTaggedField.size(unknownTaggedFields);");
            for (FieldSpec field : taggedFields()) {
                code.line("if (" + taggedPresent(field) + ") {");
                code.line("tagCount++;");
                code.line("int fieldSize = 0;");
                new FieldCode(field).size(code, field.javaName(), "fieldSize");
                code.line("size += ByteSizes.unsignedVarint(" + field.tag() + ") + ByteSizes.unsignedVarint(fieldSize) + fieldSize;");
                code.line("}");
            }
            code.line("size += ByteSizes.unsignedVarint(tagCount);");
            code.line("}");
        }
        code.line("return size;");
        code.line("}");
        code.blank();
    }

    private void equalsAndHashCode(CodeBuffer code) {
        code.line("@Override");
        code.line("public boolean equals(Object other) {");
        code.line("if (this == other) {");
        code.line("return true;");
        code.line("}");
        code.line("if (!(other instanceof " + className + " that)) {");
        code.line("return false;");
        code.line("}");
        StringBuilder comparison = new StringBuilder("return ");
        for (FieldSpec field : fields) {
            String name = field.javaName();
            if (field.type().isJavaPrimitive()) {
                comparison.append(field.type().name().equals("float64")
                        ? "Double.compare(" + name + ", that." + name + ") == 0" : name + " == that." + name);
            } else {
                comparison.append("Objects.equals(").append(name).append(", that.").append(name).append(")");
            }
            comparison.append("\n        && ");
        }
        comparison.append("Objects.equals(unknownTaggedFields(), that.unknownTaggedFields());");
        for (String line : comparison.toString().split("\n")) {
            code.line(line);
        }
        code.line("}");
        code.blank();
        code.line("@Override");
        code.line("public int hashCode() {");
        code.line("int hash = 0;");
        for (FieldSpec field : fields) {
            String boxed = field.type().isJavaPrimitive()
                    ? field.type().javaElementType(true) + ".hashCode(" + field.javaName() + ")"
                    : "Objects.hashCode(" + field.javaName() + ")";
            code.line("hash = 31 * hash + " + boxed + ";");
        }
        code.line("return hash;");
        code.line("}");
        code.blank();
    }

    private void toStringMethod(CodeBuffer code) {
        code.line("@Override");
        code.line("public String toString() {");
        StringBuilder text = new StringBuilder("return \"" + className + "(\"");
        String separator = "";
        for (FieldSpec field : fields) {
            text.append("\n        + \"").append(separator).append(field.javaName()).append("=\" + ").append(field.javaName());
            separator = ", ";
        }
        text.append("\n        + \")\";");
        for (String line : text.toString().split("\n")) {
            code.line(line);
        }
        code.line("}");
    }

    /** True in the versions where the field is in the fixed part of the struct, not in the tag buffer. */
    private static String untaggedCondition(FieldSpec field) {
        String present = field.versions().test("version");
        return field.taggedVersions().isEmpty() ? present : present + " && !(" + field.taggedVersions().test("version") + ")";
    }

    private String taggedPresent(FieldSpec field) {
        return field.taggedVersions().test("version") + " && !(" + new FieldCode(field).isDefault(field.javaName()) + ")";
    }

    private List<FieldSpec> taggedFields() {
        return fields.stream().filter(f -> !f.taggedVersions().isEmpty())
                .sorted(Comparator.comparingInt(FieldSpec::tag)).toList();
    }

    private void unsupported(CodeBuffer code, FieldSpec field) {
        code.line("throw new IllegalArgumentException(\"" + className + "." + field.javaName()
                + " is not supported at version \" + version + \"; it needs a version in " + describe(field.versions()) + "\");");
    }

    private static String describe(Versions versions) {
        if (versions.isEmpty()) {
            return "none";
        }
        return versions.highest() == Short.MAX_VALUE ? versions.lowest() + "+" : versions.lowest() + "-" + versions.highest();
    }

    static String javadoc(String text) {
        String trimmed = text == null || text.isBlank() ? "A field of the Kafka schema." : text.trim();
        return trimmed.replace("*/", "* /").replace("@", "{@literal @}").replace("<", "&lt;").replace(">", "&gt;");
    }
}
