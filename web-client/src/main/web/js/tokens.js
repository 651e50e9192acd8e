// Tokens for the socket server (ROOM_AUTH=jwt), fetched from the backend's development endpoint
// when /config.json names one (tokenPath). Without it (ROOM_AUTH=open, or tokens given by an
// identity provider as a cookie) the page sends none.

/** A function rooms -> Promise<token>, or null when the backend mints no tokens. */
export function tokenSource(tokenPath) {
  if (!tokenPath) return null;
  return async (rooms) => {
    const response = await fetch(tokenPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rooms }),
    });
    const answer = await response.json().catch(() => null);
    if (!response.ok || !answer || typeof answer.token !== 'string') {
      throw new Error(`no token (${response.status}${answer && answer.error ? `: ${answer.error}` : ''})`);
    }
    return answer.token;
  };
}

/**
 * The handshake's auth option: a fresh token at every (re)connect, granting the rooms the page is
 * in (`roomsNow()`), so that a recovered connection gets them back (the server checks them again
 * against this token).
 */
export function handshakeAuth(tokens, roomsNow) {
  if (!tokens) return undefined;
  return (callback) => {
    tokens(roomsNow()).then((token) => callback({ token }), () => callback({}));
  };
}
