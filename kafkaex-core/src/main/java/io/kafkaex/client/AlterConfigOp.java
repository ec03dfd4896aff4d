package io.kafkaex.client;

import java.util.Objects;

/**
 * One change to a resource's configuration entry (IncrementalAlterConfigs): set a value, delete the entry (back
 * to its default), or append to or subtract from a list value. Immutable.
 *
 * @param name  the entry's name
 * @param op    what to do
 * @param value the value to set, append or subtract; {@code null} for {@link Op#DELETE}
 */
public record AlterConfigOp(String name, Op op, String value) {

    /** The operations, in protocol code order. */
    public enum Op {
        SET, DELETE, APPEND, SUBTRACT;

        byte code() {
            return (byte) ordinal();
        }
    }

    public AlterConfigOp {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        if (op == Op.DELETE ? value != null : value == null) {
            throw new IllegalArgumentException("Config " + name + ": " + op
                    + (op == Op.DELETE ? " takes no value" : " needs a value"));
        }
    }

    public static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(name, Op.SET, value);
    }

    public static AlterConfigOp delete(String name) {
        return new AlterConfigOp(name, Op.DELETE, null);
    }

    public static AlterConfigOp append(String name, String value) {
        return new AlterConfigOp(name, Op.APPEND, value);
    }

    public static AlterConfigOp subtract(String name, String value) {
        return new AlterConfigOp(name, Op.SUBTRACT, value);
    }
}
