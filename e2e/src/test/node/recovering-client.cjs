'use strict';
// The official socket.io-client v4 relying on connection state recovery alone: it joins its rooms
// on its first connect only and never rejoins; after a reconnect the server must give back its
// rooms and every change it missed (socket.recovered === true). One JSON line per thing it sees.
//   node recovering-client.cjs <url> <websocket|polling> <uuid>[,<uuid>...] [token]
// It exits when its standard input closes, so it never outlives the test that started it.
const [url, transport, rooms, token] = process.argv.slice(2);
const { io } = require('socket.io-client');

function report(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

const options = { transports: [transport], forceNew: true, reconnectionDelay: 200, reconnectionDelayMax: 1000 };
if (token) options.auth = { token };
const socket = io(url, options);
let joined = false;

socket.onAny((name, body, meta, offset) =>
  report({ kind: 'event', name, id: meta && meta.id, offset: typeof offset === 'string' ? offset : null }),
);
socket.on('connect', () => {
  report({ kind: 'connected', recovered: socket.recovered });
  if (!joined) {
    joined = true;
    socket.emit('JoinRoom', rooms.split(','), (ack) => report({ kind: 'ack', ack }));
  }
});
socket.on('connect_error', (err) => report({ kind: 'connect_error', message: String(err && err.message) }));
socket.on('disconnect', (reason) => report({ kind: 'disconnect', reason }));

process.stdin.on('end', () => {
  socket.close();
  process.exit(0);
});
process.stdin.resume();
