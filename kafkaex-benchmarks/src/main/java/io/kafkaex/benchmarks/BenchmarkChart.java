package io.kafkaex.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * A PNG of benchmark results for the documentation, drawn with Java2D alone: for every configuration one
 * horizontal bar per client, the clients' bars side by side, in two panels — records per second and client CPU
 * seconds per million records — under a title, with axis labels and a legend of the clients' colours.
 * {@link ProducerThroughputBenchmark} and {@link ConsumerThroughputBenchmark} hand it their result rows at the end of a run.
 *
 * <p>Configurations and clients are shown in the order the rows first name them; the first client gets the first
 * of {@link #CLIENT_COLOURS}. Immutable: any thread may call it, and each call draws its own image. Needs no
 * display; the benchmark runs with {@code java.awt.headless=true}.
 */
final class BenchmarkChart {

    /** One client's result in one configuration: one bar in each panel. */
    record Row(String configuration, String client, double recordsPerSecond, double cpuSecondsPerMillionRecords) {
    }

    /** The image's width in pixels; its height grows with the number of configurations (see {@link #height()}). */
    static final int WIDTH = 1400;

    /** The clients' bar and legend colours, in the order the rows name the clients (Okabe–Ito, colour-blind safe). */
    static final List<Color> CLIENT_COLOURS = List.of(new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xCC79A7));

    private static final List<Metric> METRICS = List.of(
            new Metric("Throughput", "records per second (longer is better)", Row::recordsPerSecond),
            new Metric("Client CPU", "CPU seconds per million records (shorter is better)", Row::cpuSecondsPerMillionRecords));

    private static final int MARGIN = 30;
    private static final int LABEL_WIDTH = 300;
    private static final int PANEL_GAP = 40;
    private static final int VALUE_LABEL_ROOM = 56;
    private static final int AXIS_LENGTH = (WIDTH - 2 * MARGIN - LABEL_WIDTH - PANEL_GAP) / METRICS.size() - VALUE_LABEL_ROOM;
    private static final int PLOT_TOP = 142;
    private static final int FOOTER = 66;
    private static final int BAR_HEIGHT = 15;
    private static final int GROUP_GAP = 12;
    private static final int SWATCH = 18;

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    private static final Font HEADING_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color TEXT = new Color(0x222222);
    private static final Color GRID = new Color(0xD0D0D0);
    private static final Color STRIPE = new Color(0xF1F3F6);

    private final String title;
    private final Map<String, Map<String, Row>> rowsByConfiguration = new LinkedHashMap<>();
    private final List<String> clients;

    /**
     * @param title the line above the chart
     * @param rows  at least one, naming at most as many clients as there are {@link #CLIENT_COLOURS}
     */
    BenchmarkChart(String title, List<Row> rows) {
        Set<String> clientNames = new LinkedHashSet<>();
        for (Row row : rows) {
            rowsByConfiguration.computeIfAbsent(row.configuration(), configuration -> new LinkedHashMap<>()).put(row.client(), row);
            clientNames.add(row.client());
        }
        if (rows.isEmpty() || clientNames.size() > CLIENT_COLOURS.size()) {
            throw new IllegalArgumentException("A chart needs at least one row and at most " + CLIENT_COLOURS.size()
                    + " clients, got " + rows.size() + " rows of " + clientNames);
        }
        this.title = title;
        this.clients = List.copyOf(clientNames);
    }

    /** The image's height in pixels: the header, one group of bars per configuration, and the axes. */
    int height() {
        return PLOT_TOP + rowsByConfiguration.size() * groupHeight() + FOOTER;
    }

    /** Draws the chart and writes it to {@code file} as a PNG, creating its directories. */
    void writePng(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        if (!ImageIO.write(render(), "png", file.toFile())) {
            throw new IOException("This JVM has no PNG writer");
        }
    }

    private BufferedImage render() {
        BufferedImage image = new BufferedImage(WIDTH, height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, WIDTH, image.getHeight());
            drawHeader(graphics);
            drawConfigurations(graphics);
            for (int panel = 0; panel < METRICS.size(); panel++) {
                drawPanel(graphics, METRICS.get(panel), MARGIN + LABEL_WIDTH + panel * (AXIS_LENGTH + VALUE_LABEL_ROOM + PANEL_GAP));
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private void drawHeader(Graphics2D graphics) {
        graphics.setColor(TEXT);
        graphics.setFont(TITLE_FONT);
        graphics.drawString(title, MARGIN, 46);
        graphics.setFont(LABEL_FONT);
        int x = MARGIN;
        for (int client = 0; client < clients.size(); client++) {
            graphics.setColor(CLIENT_COLOURS.get(client));
            graphics.fillRect(x, 66, SWATCH, SWATCH);
            graphics.setColor(TEXT);
            graphics.drawString(clients.get(client), x + SWATCH + 8, 80);
            x += SWATCH + 8 + graphics.getFontMetrics().stringWidth(clients.get(client)) + 32;
        }
    }

    /** The configuration names right-aligned left of the panels, on stripes that alternate across the width. */
    private void drawConfigurations(Graphics2D graphics) {
        graphics.setFont(LABEL_FONT);
        int index = 0;
        for (String configuration : rowsByConfiguration.keySet()) {
            int top = groupTop(index);
            if (index % 2 == 0) {
                graphics.setColor(STRIPE);
                graphics.fillRect(MARGIN, top, WIDTH - 2 * MARGIN, groupHeight());
            }
            graphics.setColor(TEXT);
            int textWidth = graphics.getFontMetrics().stringWidth(configuration);
            graphics.drawString(configuration, MARGIN + LABEL_WIDTH - 12 - textWidth, top + groupHeight() / 2 + 5);
            index++;
        }
    }

    private void drawPanel(Graphics2D graphics, Metric metric, int left) {
        ChartAxis axis = ChartAxis.covering(rowsByConfiguration.values().stream().flatMap(rows -> rows.values().stream())
                .mapToDouble(metric.value()).max().orElse(0));
        int bottom = groupTop(rowsByConfiguration.size());
        graphics.setColor(TEXT);
        graphics.setFont(HEADING_FONT);
        graphics.drawString(metric.heading(), left, PLOT_TOP - 14);
        graphics.setFont(SMALL_FONT);
        for (double tick : axis.ticks()) {
            int x = left + axis.pixels(tick, AXIS_LENGTH);
            graphics.setColor(GRID);
            graphics.drawLine(x, PLOT_TOP, x, bottom);
            graphics.setColor(TEXT);
            drawCentred(graphics, axis.tickLabel(tick), x, bottom + 18);
        }
        graphics.drawLine(left, PLOT_TOP, left, bottom);
        int index = 0;
        for (Map<String, Row> rows : rowsByConfiguration.values()) {
            for (int client = 0; client < clients.size(); client++) {
                Row row = rows.get(clients.get(client));
                if (row != null) {
                    double value = metric.value().applyAsDouble(row);
                    int top = groupTop(index) + GROUP_GAP / 2 + client * BAR_HEIGHT;
                    int length = axis.pixels(value, AXIS_LENGTH);
                    graphics.setColor(CLIENT_COLOURS.get(client));
                    graphics.fillRect(left, top, length, BAR_HEIGHT);
                    graphics.setColor(TEXT);
                    graphics.drawString(axis.valueLabel(value), left + length + 4, top + BAR_HEIGHT - 3);
                }
            }
            index++;
        }
        graphics.setFont(LABEL_FONT);
        drawCentred(graphics, metric.axisLabel(), left + AXIS_LENGTH / 2, bottom + 44);
    }

    private static void drawCentred(Graphics2D graphics, String text, int centre, int baseline) {
        graphics.drawString(text, centre - graphics.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    private int groupHeight() {
        return clients.size() * BAR_HEIGHT + GROUP_GAP;
    }

    private int groupTop(int configurationIndex) {
        return PLOT_TOP + configurationIndex * groupHeight();
    }

    /** What one panel plots. */
    private record Metric(String heading, String axisLabel, ToDoubleFunction<Row> value) {
    }
}
