// Boot: read /config.json, connect to the socket server (with a token when the backend mints
// them), wire up rooms and the update form.
import { byId, newUuid } from './dom.js';
import { showConnection } from './connection.js';
import { Rooms } from './rooms.js';
import { resolveSocketUrl } from './socket-url.js';
import { handshakeAuth, tokenSource } from './tokens.js';
import { setUpUpdateForm } from './update-form.js';

const RETRY_REFUSED_MS = 2000;

async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return response.json();
}

async function start() {
  const config = await loadConfig();
  const socketUrl = resolveSocketUrl(config.socketUrl, window.location);
  byId('socket-url').textContent = socketUrl;

  const useInUpdate = setUpUpdateForm(config.updatePath || '/update');
  const tokens = tokenSource(config.tokenPath);
  let rooms = null; // set below; the handshake's token grants the rooms joined so far
  const roomsNow = () => (rooms ? rooms.joined() : []);
  // Polling first, then the upgrade to websocket: the page shows both stages.
  const socket = io(socketUrl, { transports: ['polling', 'websocket'], auth: handshakeAuth(tokens, roomsNow) });
  showConnection(socket);
  // A refused handshake (no token could be fetched, or it was refused) is not retried by the
  // client itself; the page tries again with a fresh token.
  socket.on('connect_error', () => {
    if (tokens && !socket.active) setTimeout(() => socket.connect(), RETRY_REFUSED_MS);
  });
  rooms = new Rooms(socket, config.uuidField || 'uuid', useInUpdate, tokens);

  byId('new-room-uuid').addEventListener('click', () => {
    byId('room-uuid').value = newUuid();
  });
  byId('join-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = byId('room-uuid');
    if (await rooms.join(input.value)) input.value = '';
  });
  window.roomcast = { socket, rooms }; // for the console and the browser test
}

start().catch((error) => {
  const state = byId('connection-state');
  state.textContent = `not started: ${error.message}`;
  state.dataset.state = 'failed';
  state.className = 'badge state-disconnected';
});
