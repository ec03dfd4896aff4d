package io.kafkaex.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value axis of one {@link BenchmarkChart} panel: from zero to a round maximum in round steps (1, 2 or 5
 * times a power of ten, about five of them), and the labels of its ticks and bars, with a {@code k} or
 * {@code M} suffix once values reach thousands or millions.
 *
 * <p>Immutable; any thread.
 *
 * @param max  the value at the axis's far end, a whole number of steps
 * @param step the distance between two ticks
 */
record ChartAxis(double max, double step) {

    private static final int TICKS = 5;

    /** An axis that reaches at least {@code largest}; an axis from 0 to 1 when there is nothing above zero. */
    static ChartAxis covering(double largest) {
        if (!(largest > 0)) {
            return new ChartAxis(1, 0.2);
        }
        double rough = largest / TICKS;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = power * (rough <= power ? 1 : rough <= 2 * power ? 2 : rough <= 5 * power ? 5 : 10);
        return new ChartAxis(Math.ceil(largest / step - 1e-9) * step, step);
    }

    /** The length in pixels of a bar for {@code value} on an axis {@code length} pixels long. */
    int pixels(double value, int length) {
        return (int) Math.round(value / max * length);
    }

    /** The tick values from zero to {@link #max}. */
    List<Double> ticks() {
        long count = Math.round(max / step);
        List<Double> ticks = new ArrayList<>();
        for (long i = 0; i <= count; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    /** A tick's label: as many decimals as the step needs, and a plain 0 at the origin. */
    String tickLabel(double value) {
        return value == 0 ? "0" : label(value, decimals());
    }

    /** A bar's label: one decimal more than the ticks. */
    String valueLabel(double value) {
        return label(value, decimals() + 1);
    }

    private String label(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%s", value / unit(), suffix());
    }

    private int decimals() {
        return Math.max(0, (int) Math.ceil(-Math.log10(step / unit()) - 1e-6));
    }

    private double unit() {
        return max >= 1e6 ? 1e6 : max >= 1e3 ? 1e3 : 1;
    }

    private String suffix() {
        return unit() == 1e6 ? "M" : unit() == 1e3 ? "k" : "";
    }
}
