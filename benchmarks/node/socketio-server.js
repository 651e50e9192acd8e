// The reference a user would write instead of Roomcast: socket.io v4 with default options, one
// change stream on the whole database, every change emitted to the room named by the document's
// uuid. Env: PORT, MONGODB_URI, WATCH_DATABASE (app), UUID_FIELD (uuid).
const http = require('http');
const { Server } = require('socket.io');
const { MongoClient } = require('mongodb');
const serveStats = require('./stats');

const port = Number(process.env.PORT || 8084);
const uri = process.env.MONGODB_URI || 'mongodb://127.0.0.1:27017';
const database = process.env.WATCH_DATABASE || 'app';
const uuidField = process.env.UUID_FIELD || 'uuid';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const httpServer = http.createServer((req, res) => {
  if (!serveStats(req, res)) {
    res.writeHead(404).end();
  }
});
const io = new Server(httpServer, { cors: { origin: '*' } });

io.on('connection', (socket) => {
  socket.on('JoinRoom', (rooms, ack) => {
    const results = (Array.isArray(rooms) ? rooms : []).map((uuid) => {
      const ok = typeof uuid === 'string' && UUID.test(uuid);
      if (ok) {
        socket.join(uuid.toLowerCase());
      }
      return { uuid, status: ok ? 'joined' : 'invalid' };
    });
    if (typeof ack === 'function') {
      ack({ results });
    }
  });
});

async function watch() {
  const client = new MongoClient(uri, { directConnection: true });
  await client.connect();
  const stream = client.db(database).watch([], { fullDocument: 'updateLookup' });
  stream.on('change', (change) => {
    const document = change.fullDocument;
    const room = document && document[uuidField];
    if (typeof room !== 'string') {
      return;
    }
    const meta = { id: change._id._data, db: change.ns.db, collection: change.ns.coll,
      operationType: change.operationType };
    io.to(room.toLowerCase()).emit(change.ns.coll, document, meta);
  });
  stream.on('error', (error) => {
    console.error(`change stream failed: ${error.message}`);
    process.exit(1);
  });
  console.log(`watching database '${database}'`);
}

watch().then(() => httpServer.listen(port, '127.0.0.1', () => {
  console.log(`socket.io reference server listening on 127.0.0.1:${port}`);
}), (error) => {
  console.error(`cannot watch: ${error.message}`);
  process.exit(1);
});
