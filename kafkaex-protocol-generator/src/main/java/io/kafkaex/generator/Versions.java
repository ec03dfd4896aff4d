package io.kafkaex.generator;

/**
 * A version range of a Kafka schema: {@code "3+"}, {@code "1-5"}, {@code "2"} or {@code "none"}.
 *
 * @param lowest  first version, inclusive
 * @param highest last version, inclusive; {@link Short#MAX_VALUE} for an open range
 */
record Versions(short lowest, short highest) {

    static final Versions NONE = new Versions((short) 1, (short) 0);
    static final Versions ALL = new Versions((short) 0, Short.MAX_VALUE);

    static Versions parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.equals("none")) {
            return NONE;
        }
        if (trimmed.endsWith("+")) {
            return new Versions(Short.parseShort(trimmed.substring(0, trimmed.length() - 1)), Short.MAX_VALUE);
        }
        int dash = trimmed.indexOf('-');
        if (dash > 0) {
            return new Versions(Short.parseShort(trimmed.substring(0, dash)), Short.parseShort(trimmed.substring(dash + 1)));
        }
        short single = Short.parseShort(trimmed);
        return new Versions(single, single);
    }

    boolean isEmpty() {
        return lowest > highest;
    }

    boolean contains(int version) {
        return version >= lowest && version <= highest;
    }

    /** The versions of both ranges. */
    Versions intersect(Versions other) {
        return new Versions((short) Math.max(lowest, other.lowest), (short) Math.min(highest, other.highest));
    }

    /** Whether every version of {@code within} is in this range. */
    boolean containsAll(Versions within) {
        return within.isEmpty() || (lowest <= within.lowest && highest >= within.highest);
    }

    /** A Java boolean expression that tests the variable {@code version} against this range. */
    String test(String variable) {
        if (isEmpty()) {
            return "false";
        }
        if (lowest <= 0 && highest == Short.MAX_VALUE) {
            return "true";
        }
        if (highest == Short.MAX_VALUE) {
            return variable + " >= " + lowest;
        }
        if (lowest <= 0) {
            return variable + " <= " + highest;
        }
        if (lowest == highest) {
            return variable + " == " + lowest;
        }
        return "(" + variable + " >= " + lowest + " && " + variable + " <= " + highest + ")";
    }
}
