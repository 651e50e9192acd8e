// Shows the socket's state (connecting, connected, reconnecting, disconnected) and the transport in
// use (polling, then websocket once the connection upgrades).
import { byId } from './dom.js';

export function showConnection(socket) {
  const state = byId('connection-state');
  const transport = byId('transport');

  const setState = (name, detail) => {
    state.textContent = detail ? `${name}: ${detail}` : name;
    state.dataset.state = name;
    state.className = `badge state-${name}`;
  };
  const setTransport = (name) => {
    transport.textContent = name || '–';
    transport.dataset.transport = name || '';
  };

  const engine = () => socket.io.engine;
  socket.on('connect', () => {
    setState('connected');
    setTransport(engine().transport.name);
    engine().once('upgrade', (upgraded) => setTransport(upgraded.name));
  });
  socket.on('disconnect', (reason) => {
    setTransport('');
    // The client reconnects by itself unless the disconnect was deliberate.
    setState(socket.active ? 'reconnecting' : 'disconnected', reason);
  });
  socket.on('connect_error', (error) => {
    setState(socket.active ? 'reconnecting' : 'disconnected', error.message);
  });
  socket.io.on('reconnect_attempt', (attempt) => setState('reconnecting', `attempt ${attempt}`));
  socket.io.on('reconnect_failed', () => setState('disconnected', 'gave up reconnecting'));
}
