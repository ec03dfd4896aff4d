package io.kafkaex.docs.samples.listeners;

/** A click event of the batch listener sample. */
record Click(String page, long at) {
}
