// Catching up after a reconnect, and saying so on screen. Socket.IO's connection state recovery
// (socket.recovered) gives the rooms and the missed changes back by itself; otherwise the page
// rejoins each room with `since`, the id (meta.id) of the last change it has of that room, or, for
// a room it has no position of, asks for its documents again (snapshot).
export class CatchUp {
  /** @param line the element that says how the last reconnect caught up */
  constructor(line) {
    this.positions = new Map(); // room -> id of the last change (or snapshot position) it has
    this.line = line;
  }

  /** A change of the room arrived (meta.id), or a snapshot was read at that position. */
  seen(room, id) {
    if (typeof id === 'string' && id !== '') this.positions.set(room, id);
  }

  forget(room) {
    this.positions.delete(room);
  }

  /** The rooms' JoinRoom payloads: one per distinct position, and the rooms without one. */
  requests(rooms) {
    const bySince = new Map();
    const fresh = [];
    for (const room of rooms) {
      const since = this.positions.get(room);
      if (since === undefined) fresh.push(room);
      else bySince.set(since, [...(bySince.get(since) || []), room]);
    }
    const requests = [...bySince].map(([since, group]) => ({ rooms: group, since }));
    if (fresh.length > 0) requests.push({ rooms: fresh, snapshot: true });
    return requests;
  }

  /** The server recovered the connection: the missed changes arrive on their own. */
  recovered() {
    this.show('recovered', 'Reconnected: the server recovered this connection (rooms and missed changes).');
  }

  /** Sums up the acks of a rejoin with `since`: changes replayed, rooms resynced. */
  rejoined(acks) {
    let replayed = 0;
    const resync = [];
    for (const ack of acks) {
      for (const result of (ack && ack.results) || []) {
        if (result.resync) resync.push(result.uuid);
        else if (typeof result.replayed === 'number') replayed += result.replayed;
      }
    }
    if (resync.length > 0) {
      this.show('resync', `Reconnected: ${resync.length} room(s) had to resync (their missed changes are gone); showing their current documents.`);
    } else {
      this.show('caught-up', `Reconnected: caught up, ${replayed} missed change(s) replayed.`);
    }
    return resync;
  }

  show(outcome, text) {
    this.line.textContent = text;
    this.line.dataset.outcome = outcome;
    this.line.hidden = false;
  }
}
