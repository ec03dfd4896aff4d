/**
 * Code samples of the guides in {@code docs/*.md}: compiled against the real API, so they cannot rot. Each guide
 * includes a region ({@code // tag::name[]} … {@code // end::name[]}) with a marker line
 * {@code <!-- sample: main/java/io/kafkaex/docs/samples/...#name -->}; {@code DocSamplesTest} keeps the two equal.
 * The samples here are never run by the build; only their compilation is the point. Samples that must also work
 * (the getting-started test against a real broker) are tests under {@code docs/src/test/java}, run by failsafe.
 */
package io.kafkaex.docs.samples;
