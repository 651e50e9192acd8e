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

/** The handshake's auth option: a fresh token (granting no room yet) at every (re)connect. */
export function handshakeAuth(tokens) {
  if (!tokens) return undefined;
  return (callback) => {
    tokens([]).then((token) => callback({ token }), () => callback({}));
  };
}
