// Assembles the page for the jar: our sources plus the Socket.IO client from node_modules, so the
// page loads nothing from anywhere but the server that serves it.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'src', 'main', 'web');
const target = path.join(root, 'target', 'classes', 'roomcast-web');
const clientDist = path.join(root, 'node_modules', 'socket.io-client', 'dist');
const vendored = ['socket.io.min.js', 'socket.io.min.js.map'];

fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(path.join(target, 'vendor'), { recursive: true });
fs.cpSync(source, target, { recursive: true });
for (const file of vendored) {
  fs.copyFileSync(path.join(clientDist, file), path.join(target, 'vendor', file));
}
const version = require(path.join(root, 'node_modules', 'socket.io-client', 'package.json')).version;
console.log(`roomcast-web: page and socket.io-client ${version} copied to ${path.relative(root, target)}`);
