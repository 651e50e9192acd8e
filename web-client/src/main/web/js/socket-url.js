// Where the page connects for Socket.IO, from /config.json's socketUrl:
//   ""             the page's own host on port 8083 (the socket server's default port)
//   "/"            the page's own origin (behind the nginx front, which proxies /socket.io/)
//   "http(s)://…"  exactly that server
export const DEFAULT_SOCKET_PORT = 8083;

export function resolveSocketUrl(configured, location) {
  if (!configured) {
    return `${location.protocol}//${location.hostname}:${DEFAULT_SOCKET_PORT}`;
  }
  if (configured === '/') {
    return location.origin;
  }
  return configured;
}
