package io.roomcast.backend.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import io.roomcast.common.auth.Grants;
import io.roomcast.common.auth.TokenRefusedException;
import io.roomcast.common.auth.TokenVerifier;
import io.roomcast.common.uuid.Uuids;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may write and read documents ({@code BACKEND_AUTH}). With {@code jwt}, the routes that touch
 * a document need {@code Authorization: Bearer <token>} verified by the same verifier as the socket
 * server's: 401 without a valid token, 403 when it grants neither the document's UUID nor the
 * {@code write} scope. With {@code open} (the development default) everyone may.
 */
public final class DocumentAccess {
  private static final Logger LOG = LoggerFactory.getLogger(DocumentAccess.class);
  private static final String GRANTS = "roomcast.grants";
  private static final String BEARER = "Bearer ";

  private final TokenVerifier verifier;

  private DocumentAccess(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  public static DocumentAccess open() {
    return new DocumentAccess(null);
  }

  public static DocumentAccess jwt(TokenVerifier verifier) {
    return new DocumentAccess(verifier);
  }

  /** Authenticates every request to the given paths before its route runs. */
  public void install(RoutesConfig routes, String... paths) {
    if (verifier == null) {
      return;
    }
    for (String path : paths) {
      routes.before(path, this::authenticate);
    }
  }

  private void authenticate(Context ctx) {
    if (ctx.method() == HandlerType.OPTIONS) {
      return; // CORS preflights carry no credentials
    }
    String header = ctx.header("Authorization");
    String token =
        header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? header.substring(BEARER.length()).trim()
            : null;
    try {
      ctx.attribute(GRANTS, verifier.verify(token));
    } catch (TokenRefusedException e) {
      LOG.debug("{} {}: token refused: {}", ctx.method(), ctx.path(), e.getMessage());
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse("unauthorized: " + e.reason());
    }
  }

  /** Throws 403 unless the request's token grants this document (no-op when open). */
  public void require(Context ctx, UUID uuid) {
    Grants grants = grants(ctx);
    String room = Uuids.roomName(uuid);
    if (grants != null && !grants.covers(room) && !grants.hasScope(Grants.WRITE_SCOPE)) {
      throw new ForbiddenResponse("the token does not grant document " + room);
    }
  }

  /** Throws 403 unless the token may create a document under a new random UUID. */
  public void requireNewDocument(Context ctx) {
    Grants grants = grants(ctx);
    if (grants != null && !grants.allRooms() && !grants.hasScope(Grants.WRITE_SCOPE)) {
      throw new ForbiddenResponse("a new document's UUID can be granted only by the write scope");
    }
  }

  /** The request's grants; null when open. */
  private Grants grants(Context ctx) {
    if (verifier == null) {
      return null;
    }
    Grants grants = ctx.attribute(GRANTS);
    if (grants == null) {
      throw new UnauthorizedResponse("unauthorized: " + TokenRefusedException.NO_TOKEN);
    }
    return grants;
  }
}
