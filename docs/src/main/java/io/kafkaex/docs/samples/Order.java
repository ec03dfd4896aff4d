package io.kafkaex.docs.samples;

/** An order of the samples, sent as JSON. */
public record Order(String id, String product, int quantity) {
}
