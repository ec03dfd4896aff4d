package io.kafkaex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkChartTest {

    private static final List<BenchmarkChart.Row> ROWS = List.of(
            new BenchmarkChart.Row("1 partition, acks=1, none, 100 B", "KafkaEx", 2_000_000, 1.0),
            new BenchmarkChart.Row("1 partition, acks=1, none, 100 B", "kafka-clients", 1_000_000, 0.5),
            new BenchmarkChart.Row("6 partitions, acks=all, zstd, 1,024 B", "KafkaEx", 500_000, 0.25),
            new BenchmarkChart.Row("6 partitions, acks=all, zstd, 1,024 B", "kafka-clients", 1_500_000, 0.75));

    @TempDir
    Path directory;

    @Test
    void writesAReadablePngOfTheChartsWidthAndAHeightThatGrowsWithTheConfigurations() throws Exception {
        BenchmarkChart chart = new BenchmarkChart("Producer throughput", ROWS);
        Path file = directory.resolve("images/chart.png");

        chart.writePng(file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(BenchmarkChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(chart.height());
        assertThat(new BenchmarkChart("Producer throughput", ROWS.subList(0, 2)).height()).isLessThan(chart.height());
    }

    @Test
    void drawsEachClientsBarsInItsLegendColourAndInProportionToTheValues() throws Exception {
        Path file = directory.resolve("chart.png");
        new BenchmarkChart("Producer throughput", ROWS).writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());

        // Both panels scale their largest value (2,000,000 records/s, 1.0 CPU s) to the full axis, so a bar's length
        // is the same fraction of the longest bar in either panel.
        Set<Integer> kafkaEx = runLengths(image, BenchmarkChart.CLIENT_COLOURS.get(0));
        Set<Integer> kafkaClients = runLengths(image, BenchmarkChart.CLIENT_COLOURS.get(1));
        int fullAxis = kafkaEx.stream().max(Integer::compare).orElseThrow();
        assertThat(fullAxis).isGreaterThan(BenchmarkChart.WIDTH / 4);
        assertThat(kafkaEx).contains(fullAxis, fraction(fullAxis, 0.25));
        assertThat(kafkaClients).contains(fraction(fullAxis, 0.5), fraction(fullAxis, 0.75));
        assertThat(kafkaClients.stream().max(Integer::compare).orElseThrow()).isEqualTo(fraction(fullAxis, 0.75));
    }

    @Test
    void refusesMoreClientsThanItHasColours() {
        List<BenchmarkChart.Row> rows = List.of("a", "b", "c", "d", "e").stream()
                .map(client -> new BenchmarkChart.Row("1 partition", client, 1, 1)).toList();

        assertThatThrownBy(() -> new BenchmarkChart("Too many", rows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 4 clients");
    }

    private static int fraction(int length, double fraction) {
        return (int) Math.round(fraction * length);
    }

    /** The lengths of all horizontal runs of exactly {@code colour}: the bars, and the legend's swatch. */
    private static Set<Integer> runLengths(BufferedImage image, Color colour) {
        Set<Integer> lengths = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x <= image.getWidth(); x++) {
                if (x < image.getWidth() && image.getRGB(x, y) == colour.getRGB()) {
                    run++;
                } else if (run > 0) {
                    lengths.add(run);
                    run = 0;
                }
            }
        }
        return lengths;
    }
}
