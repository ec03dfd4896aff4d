package io.kafkaex.producer.partitioner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/** A random generator whose {@code nextInt(bound)} answers scripted values and records the bounds asked for. */
final class ScriptedRandom implements RandomGenerator {

    private final Deque<Integer> values = new ArrayDeque<>();
    private final List<Integer> bounds = new ArrayList<>();

    ScriptedRandom(int... values) {
        for (int value : values) {
            this.values.add(value);
        }
    }

    /** The bounds of every {@code nextInt(bound)} call so far, in order. */
    List<Integer> bounds() {
        return bounds;
    }

    @Override
    public int nextInt(int bound) {
        bounds.add(bound);
        int value = values.remove();
        if (value < 0 || value >= bound) {
            throw new IllegalStateException("scripted " + value + " is not below " + bound);
        }
        return value;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextInt(bound) is scripted");
    }
}
