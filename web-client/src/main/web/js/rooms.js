// Joining and leaving rooms, and the live list of events received for each room.
import { CatchUp } from './catch-up.js';
import { byId, isUuid } from './dom.js';
import { prependCapped, renderEvent, showDocuments } from './render.js';

const ACK_TIMEOUT_MS = 10000;

export class Rooms {
  constructor(socket, uuidField, onUse, tokens) {
    this.socket = socket;
    this.uuidField = uuidField;
    this.onUse = onUse;
    this.tokens = tokens; // rooms -> Promise<token>, or null when no tokens are used
    this.cards = new Map(); // room name -> article element
    this.container = byId('rooms');
    this.errorLine = byId('join-error');
    this.catchUp = new CatchUp(byId('catch-up'));
    // After a reconnect: either the server recovered the connection (rooms and missed changes
    // come back by themselves), or the page rejoins every room from the last change it has.
    socket.on('connect', () => {
      if (this.cards.size === 0) return;
      if (socket.recovered) this.catchUp.recovered();
      else this.rejoin([...this.cards.keys()]);
    });
    // A grant ended: the server took this client out of those rooms; ask again with a new token.
    socket.on('roomcast:expired', (body) => {
      const rooms = ((body && body.rooms) || []).filter((room) => this.cards.has(room));
      if (rooms.length > 0) this.request('JoinRoom', rooms);
    });
    socket.onAny((name, body, meta) => this.receive(name, body, meta));
  }

  /** The rooms the page shows (joined). */
  joined() {
    return [...this.cards.keys()];
  }

  /** Asks the server to join; the card appears once the ack says "joined". True if joined. */
  async join(text) {
    const room = text.trim().toLowerCase();
    if (room === '') {
      this.showError('Enter a room UUID, or make a new one.');
      return false;
    }
    // The first join asks for the room's current documents too (a server without snapshots
    // joins all the same and sends none).
    const ack = await this.request('JoinRoom', [room], { snapshot: true });
    if (!ack || !ack.ok) return false;
    for (const result of ack.results) this.addCard(result.uuid);
    this.showAllDocuments(ack);
    return true;
  }

  /** Rejoins after a reconnect the server did not recover, from each room's last position. */
  async rejoin(rooms) {
    const requests = this.catchUp.requests(rooms);
    const acks = await Promise.all(
      requests.map((r) => this.request('JoinRoom', r.rooms, r.since ? { since: r.since } : { snapshot: true })),
    );
    acks.forEach((ack, i) => {
      if (!requests[i].since) this.showAllDocuments(ack);
    });
    const resync = this.catchUp.rejoined(acks.filter((ack, i) => requests[i].since));
    if (resync.length > 0) {
      resync.forEach((room) => this.catchUp.forget(room));
      this.showAllDocuments(await this.request('JoinRoom', resync, { snapshot: true }));
    }
  }

  async leave(room) {
    const ack = await this.request('LeaveRoom', [room]);
    if (ack && ack.ok) {
      this.removeCard(room);
      this.catchUp.forget(room);
    }
  }

  /** Emits with an ack and shows a refusal, a timeout or a disconnected socket as an error. */
  async request(event, rooms, options = {}) {
    this.showError('');
    try {
      // A join carries a token granting its rooms when the backend mints them (for the valid
      // UUIDs only: the server answers the others with its own per-item reasons).
      const token =
        event === 'JoinRoom' && this.tokens ? await this.tokens(rooms.filter((room) => isUuid(room))) : undefined;
      const payload = event === 'JoinRoom' ? { rooms, ...options, ...(token ? { token } : {}) } : rooms;
      const ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
      if (!ack || !ack.ok) this.showError(describeRefusal(event, ack));
      return ack;
    } catch (error) {
      this.showError(`${event}: no answer from the server (${error.message})`);
      return null;
    }
  }

  showError(message) {
    this.errorLine.textContent = message;
    this.errorLine.hidden = message === '';
  }

  addCard(room) {
    if (this.cards.has(room)) return;
    const card = byId('room-template').content.firstElementChild.cloneNode(true);
    card.dataset.room = room;
    card.querySelector('[data-testid="room-name"]').textContent = room;
    card.querySelector('[data-testid="leave-room"]').addEventListener('click', () => this.leave(room));
    card.querySelector('[data-testid="use-room"]').addEventListener('click', () => this.onUse(room));
    this.cards.set(room, card);
    this.container.prepend(card);
    this.refreshEmpty();
  }

  removeCard(room) {
    const card = this.cards.get(room);
    if (!card) return;
    card.remove();
    this.cards.delete(room);
    this.refreshEmpty();
  }

  /** Shows the documents a snapshot join returned (none: a server without snapshots). */
  showAllDocuments(ack) {
    for (const result of (ack && ack.results) || []) {
      const card = this.cards.get(result.uuid);
      if (!card || !Array.isArray(result.documents)) continue;
      if (ack.position) this.catchUp.seen(result.uuid, ack.position);
      showDocuments(card.querySelector('[data-testid="documents"]'), result);
    }
  }

  refreshEmpty() {
    byId('no-rooms').hidden = this.cards.size > 0;
  }

  /** Files an event under the room of the document's UUID, or under "Other events". */
  receive(name, body, meta) {
    const room = roomOf(body, meta, this.uuidField);
    const card = room && this.cards.get(room);
    const item = renderEvent(name, body, meta);
    if (card && meta && meta.id) this.catchUp.seen(room, meta.id);
    if (card) {
      prependCapped(card.querySelector('[data-testid="events"]'), item);
      card.querySelector('[data-testid="room-empty"]').hidden = true;
      const count = card.querySelector('[data-testid="event-count"]');
      count.textContent = String(Number(count.textContent) + 1);
    } else {
      byId('other-events-box').hidden = false;
      prependCapped(byId('other-events'), item);
      const count = byId('other-count');
      count.textContent = String(Number(count.textContent) + 1);
    }
  }
}

function roomOf(body, meta, uuidField) {
  const fromBody = body && typeof body === 'object' ? body[uuidField] : undefined;
  const fromKey = meta && meta.documentKey ? meta.documentKey[uuidField] : undefined;
  const uuid = typeof fromBody === 'string' ? fromBody : fromKey;
  return typeof uuid === 'string' && isUuid(uuid) ? uuid.toLowerCase() : null;
}

function describeRefusal(event, ack) {
  if (!ack) return `${event}: the server answered nothing`;
  const reasons = (ack.results || [])
    .filter((r) => r.reason)
    .map((r) => `${JSON.stringify(r.uuid)}: ${r.reason}`);
  const error = ack.error || 'refused';
  return reasons.length ? `${event} refused: ${error} (${reasons.join('; ')})` : `${event} refused: ${error}`;
}
