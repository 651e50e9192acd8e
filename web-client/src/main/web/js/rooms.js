// Joining and leaving rooms, and the live list of events received for each room.
import { byId, clock, el, isUuid, pretty } from './dom.js';

const MAX_EVENTS_PER_ROOM = 200;
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
    // After a reconnect the server knows nothing of this client: join every room again.
    socket.on('connect', () => {
      if (this.cards.size > 0) this.request('JoinRoom', [...this.cards.keys()]);
    });
    // A grant ended: the server took this client out of those rooms; ask again with a new token.
    socket.on('roomcast:expired', (body) => {
      const rooms = ((body && body.rooms) || []).filter((room) => this.cards.has(room));
      if (rooms.length > 0) this.request('JoinRoom', rooms);
    });
    socket.onAny((name, body, meta) => this.receive(name, body, meta));
  }

  /** Asks the server to join; the card appears once the ack says "joined". True if joined. */
  async join(text) {
    const room = text.trim().toLowerCase();
    if (room === '') {
      this.showError('Enter a room UUID, or make a new one.');
      return false;
    }
    const ack = await this.request('JoinRoom', [room]);
    if (!ack || !ack.ok) return false;
    for (const result of ack.results) this.addCard(result.uuid);
    return true;
  }

  async leave(room) {
    const ack = await this.request('LeaveRoom', [room]);
    if (ack && ack.ok) this.removeCard(room);
  }

  /** Emits with an ack and shows a refusal, a timeout or a disconnected socket as an error. */
  async request(event, rooms) {
    this.showError('');
    try {
      // A join carries a token granting its rooms when the backend mints them (for the valid
      // UUIDs only: the server answers the others with its own per-item reasons).
      const payload =
        event === 'JoinRoom' && this.tokens
          ? { rooms, token: await this.tokens(rooms.filter((room) => isUuid(room))) }
          : rooms;
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

  refreshEmpty() {
    byId('no-rooms').hidden = this.cards.size > 0;
  }

  /** Files an event under the room of the document's UUID, or under "Other events". */
  receive(name, body, meta) {
    const room = roomOf(body, meta, this.uuidField);
    const card = room && this.cards.get(room);
    const item = renderEvent(name, body, meta);
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

function renderEvent(name, body, meta) {
  const operation = meta && meta.operationType ? meta.operationType : '';
  const item = el('li', 'event');
  item.dataset.testid = 'event';
  item.dataset.event = name;
  item.dataset.operation = operation;
  const head = el('div', 'event-head');
  head.append(
    el('span', 'event-name', name),
    el('span', `op op-${operation || 'none'}`, operation || '–'),
    el('time', 'muted', clock(new Date())),
  );
  const bodyBlock = el('pre', 'json', pretty(body));
  bodyBlock.dataset.testid = 'event-body';
  const details = el('details', 'meta');
  details.append(el('summary', '', 'meta'), el('pre', 'json', pretty(meta)));
  item.append(head, bodyBlock, details);
  return item;
}

function prependCapped(list, item) {
  list.prepend(item);
  while (list.children.length > MAX_EVENTS_PER_ROOM) list.lastElementChild.remove();
}
