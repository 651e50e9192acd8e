package io.roomcast.socket.snapshot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.roomcast.socket.replay.Position;
import java.util.Map;

/**
 * The documents of some rooms at one cluster time T, and the position right after T.
 *
 * @param position {@link Position#afterClusterTime}(T): every change at or before T sorts below it,
 *     every later change above it
 * @param documents per room name, {@code [{"db", "collection", "document"}]}
 * @param truncated whether the join's documents exceeded {@code SNAPSHOT_MAX_DOCUMENTS} (the lists
 *     then hold that many in all, and any room's list may be incomplete)
 */
public record Snapshot(Position position, Map<String, ArrayNode> documents, boolean truncated) {}
