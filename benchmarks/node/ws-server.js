// The ceiling: a raw websocket broadcast with no Socket.IO and no database. It speaks just enough
// Engine.IO v4 / Socket.IO for the load generator (open, connect, JoinRoom with ack) and
// broadcasts each event posted to POST /publish (a JSON array of {room, event, body}) as one
// pre-encoded text frame payload to every member of the room. Env: PORT.
const http = require('http');
const { WebSocketServer } = require('ws');
const serveStats = require('./stats');

const port = Number(process.env.PORT || 8085);
const rooms = new Map();
let sessions = 0;

const httpServer = http.createServer((req, res) => {
  if (serveStats(req, res)) {
    return;
  }
  if (req.method !== 'POST' || req.url !== '/publish') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    res.writeHead(204).end(); // answered first: the writer does not wait for the broadcast
    for (const { room, event, body } of JSON.parse(Buffer.concat(chunks).toString())) {
      const members = rooms.get(room);
      if (members) {
        const frame = Buffer.from(`42${JSON.stringify([event, body])}`); // encoded once
        for (const member of members) {
          member.send(frame, { binary: false });
        }
      }
    }
  });
});

const wss = new WebSocketServer({ server: httpServer, path: '/socket.io/' });
wss.on('connection', (socket) => {
  const sid = `s${++sessions}`;
  const joined = new Set();
  socket.send(`0{"sid":"${sid}","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}`);
  socket.on('message', (data) => {
    const text = data.toString();
    if (text === '40') {
      socket.send(`40{"sid":"${sid}"}`);
      return;
    }
    const join = /^42(\d*)\["JoinRoom",(\[.*\])\]$/.exec(text);
    if (join) {
      for (const room of JSON.parse(join[2])) {
        if (!rooms.has(room)) rooms.set(room, new Set());
        rooms.get(room).add(socket);
        joined.add(room);
      }
      socket.send(`43${join[1]}[{"results":[]}]`);
    }
  });
  socket.on('close', () => joined.forEach((room) => rooms.get(room).delete(socket)));
});

httpServer.listen(port, '127.0.0.1', () => console.log(`raw ws server listening on 127.0.0.1:${port}`));
