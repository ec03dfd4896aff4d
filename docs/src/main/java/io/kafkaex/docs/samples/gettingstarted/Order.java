package io.kafkaex.docs.samples.gettingstarted;

/** The order of the getting-started guide, sent as JSON. */
// tag::order[]
public record Order(String id, int quantity) {
}
// end::order[]
