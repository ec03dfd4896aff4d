/**
 * Code samples of the guides in {@code docs/*.md}: compiled against the real API, so they cannot rot. Each guide
 * includes a region ({@code // tag::name[]} … {@code // end::name[]}) with a marker line
 * {@code <!-- sample: java/io/kafkaex/docs/samples/...#name -->}; {@code DocSamplesTest} keeps the two equal.
 * The samples are never run by the build; only their compilation is the point.
 */
package io.kafkaex.docs.samples;
