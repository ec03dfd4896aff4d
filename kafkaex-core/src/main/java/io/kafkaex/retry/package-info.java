/**
 * Retry decisions as data: {@link io.kafkaex.retry.Backoff} computes exponential delays with jitter and
 * {@link io.kafkaex.retry.RetryPolicy} says whether, and after how long, to send a failed request again.
 * Neither sleeps nor schedules; the caller does.
 */
package io.kafkaex.retry;
