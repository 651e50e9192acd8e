'use strict';
// A real Socket.IO client in Node, driven by the e2e tests: joins rooms and prints one JSON line per
// thing that happens, so the Java side can assert on exactly what a JavaScript client receives.
//   node watch-rooms.cjs <url> <v4|v2> <websocket|polling> <uuid>[,<uuid>...] [token]
// A token goes where each client version presents it: v4 in the handshake's auth payload, v2
// (which has none) in the `token` query parameter.
// It exits when its standard input closes, so it never outlives the test that started it.
const [url, version, transport, rooms, token] = process.argv.slice(2);
const io = require(version === 'v2' ? 'socket.io-client-v2' : 'socket.io-client');

function report(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

const options = { transports: [transport], forceNew: true, reconnection: true };
if (token && version === 'v2') options.query = { token };
else if (token) options.auth = { token };
const socket = io(url, options);

// v4 clients have onAny; v2 clients do not, so their packet handler is wrapped instead.
if (typeof socket.onAny === 'function') {
  socket.onAny((name, ...args) => report({ kind: 'event', name, args }));
} else {
  const onevent = socket.onevent;
  socket.onevent = function (packet) {
    const [name, ...args] = packet.data || [];
    report({ kind: 'event', name, args });
    onevent.call(this, packet);
  };
}

socket.on('connect', () => {
  const engine = socket.io.engine;
  report({ kind: 'connected', transport: engine.transport.name });
  socket.emit('JoinRoom', rooms.split(','), (ack) => report({ kind: 'ack', event: 'JoinRoom', ack }));
});
socket.on('connect_error', (err) =>
  report({ kind: 'connect_error', message: String(err && err.message), data: (err && err.data) || null }),
);
// v2 clients receive a refused connection's error packet as an 'error' event.
socket.on('error', (data) => report({ kind: 'connect_error', message: 'error packet', data }));
socket.on('disconnect', (reason) => report({ kind: 'disconnect', reason }));

process.stdin.on('end', () => {
  socket.close();
  process.exit(0);
});
process.stdin.resume();
