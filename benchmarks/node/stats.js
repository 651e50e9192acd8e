// GET /stats on the reference servers: heap after a full GC and resident memory, for the
// benchmark's memory-per-connection figures (run node with --expose-gc).
module.exports = function serveStats(req, res) {
  if (req.url !== '/stats') {
    return false;
  }
  if (global.gc) {
    global.gc();
  }
  const memory = process.memoryUsage();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ heapUsed: memory.heapUsed, rss: memory.rss, external: memory.external,
    arrayBuffers: memory.arrayBuffers }));
  return true;
};
