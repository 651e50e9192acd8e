// How events and documents look in a room's card.
import { clock, el, pretty } from './dom.js';

const MAX_EVENTS_PER_ROOM = 200;

export function renderEvent(name, body, meta) {
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

export function prependCapped(list, item) {
  list.prepend(item);
  while (list.children.length > MAX_EVENTS_PER_ROOM) list.lastElementChild.remove();
}

/** Fills a card's documents box with a snapshot's documents ({db, collection, document}). */
export function showDocuments(box, result) {
  const items = result.documents.map((entry) => {
    const item = el('li', 'event');
    item.dataset.testid = 'document';
    item.append(el('span', 'muted', `${entry.db}.${entry.collection}`), el('pre', 'json', pretty(entry.document)));
    return item;
  });
  box.querySelector('[data-testid="document-list"]').replaceChildren(...items);
  box.querySelector('[data-testid="document-count"]').textContent = String(items.length);
  box.querySelector('[data-testid="documents-truncated"]').hidden = !result.truncated;
  box.hidden = false;
  box.open = items.length > 0 && items.length <= 5;
}
