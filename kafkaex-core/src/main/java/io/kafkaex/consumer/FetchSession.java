package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fetch session (KIP-227) with one broker: which partitions the broker holds for us and at what offset, so that
 * a Fetch request lists only what changed. The first request of a session is full (session id 0 or the old id to
 * close, epoch 0) and lists every partition; once the broker answers with a session id, the next requests are
 * incremental (that id, epoch + 1): they list the partitions that are new or whose offset or byte limit changed, and
 * forget those not to be fetched any more. The broker keeps fetching every partition of the session at its last
 * listed offset, so the fetcher must hand in every partition it wants, each time. An error or a response without a
 * session id starts over with a full request. Brokers before Fetch v7 have no sessions: {@link Plan#fetched()} is
 * then the whole request, and their responses carry no session id.
 *
 * <p>Event loop only, one request at a time: {@link #next} for the request, then {@link #answered} or {@link #reset}.
 */
final class FetchSession {

    static final int NO_SESSION = 0;
    static final int INITIAL_EPOCH = 0;

    private int sessionId = NO_SESSION;
    private int nextEpoch = INITIAL_EPOCH;
    /** What the broker holds once the last request was applied. */
    private Map<TopicPartition, PartitionRequest> inSession = Map.of();
    /** Whether {@link #restart} asked for the next request to be full. */
    private boolean restartRequested;

    /** Where one partition is fetched from and how many bytes it may bring. */
    record PartitionRequest(long fetchOffset, int maxBytes) {
    }

    /**
     * One Fetch request of the session.
     *
     * @param sessionId the session id to send
     * @param epoch the session epoch to send
     * @param fetched every partition the broker fetches for this request, in the order handed in
     * @param listed the partitions the request lists: all of {@code fetched} when full, the changed ones otherwise
     * @param forgotten partitions the broker is to drop from the session (empty when full)
     */
    record Plan(int sessionId, int epoch, Map<TopicPartition, PartitionRequest> fetched,
            Map<TopicPartition, PartitionRequest> listed, List<TopicPartition> forgotten) {

        boolean isFull() {
            return epoch == INITIAL_EPOCH;
        }
    }

    /** The request that makes the broker fetch exactly {@code wanted}; the session assumes the broker applies it. */
    Plan next(Map<TopicPartition, PartitionRequest> wanted) {
        Map<TopicPartition, PartitionRequest> fetched = new LinkedHashMap<>(wanted);
        if (restartRequested) {
            restartRequested = false;
            nextEpoch = INITIAL_EPOCH;
        }
        Plan plan;
        if (nextEpoch == INITIAL_EPOCH) {
            plan = new Plan(sessionId, INITIAL_EPOCH, fetched, fetched, List.of());
        } else {
            Map<TopicPartition, PartitionRequest> listed = new LinkedHashMap<>();
            fetched.forEach((partition, request) -> {
                if (!request.equals(inSession.get(partition))) {
                    listed.put(partition, request);
                }
            });
            List<TopicPartition> forgotten = new ArrayList<>();
            inSession.keySet().stream().filter(partition -> !fetched.containsKey(partition)).forEach(forgotten::add);
            plan = new Plan(sessionId, nextEpoch, fetched, listed, forgotten);
        }
        inSession = fetched;
        return plan;
    }

    /** The broker answered the last request without a top-level error, naming {@code responseSessionId}. */
    void answered(int responseSessionId) {
        if (responseSessionId == NO_SESSION) {
            sessionId = NO_SESSION; // the broker keeps no session for us: every request is full
            nextEpoch = INITIAL_EPOCH;
        } else {
            sessionId = responseSessionId;
            nextEpoch = nextEpoch == Integer.MAX_VALUE ? 1 : nextEpoch + 1;
        }
    }

    /**
     * Makes the next request full (replacing the session), so that the broker answers once for every partition with
     * its watermarks. Needed when a partition is assigned again at the offset the session still holds (revoked and
     * given back between two requests): listed incrementally it would look unchanged, and the broker answers for an
     * unchanged partition only when it has records or its watermarks moved, so an idle one's high watermark (and lag)
     * would stay unknown. Unlike {@link #reset}, safe while a request is in flight: it applies to the one after.
     */
    void restart() {
        restartRequested = true;
    }

    /** The last request failed or the broker lost the session: the next request is full and replaces the session. */
    void reset() {
        nextEpoch = INITIAL_EPOCH;
    }

    /** The broker's id of the session, {@link #NO_SESSION} while there is none; for diagnostics. */
    int sessionId() {
        return sessionId;
    }
}
