package io.roomcast.socket.snapshot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;

/**
 * The documents of some rooms at one cluster time, and the position right after it.
 *
 * @param position {@code "82"} + 16 hex digits of T + 1: every change at or before T sorts below
 *     it, every later change above it (resume tokens' {@code _data} order)
 * @param documents per room name, {@code [{"db", "collection", "document"}]}
 * @param truncated whether the join's documents exceeded {@code SNAPSHOT_MAX_DOCUMENTS} (the lists
 *     then hold that many in all, and any room's list may be incomplete)
 */
public record Snapshot(String position, Map<String, ArrayNode> documents, boolean truncated) {}
