package io.roomcast.backend.http;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a JSON {@code {"error": "..."}} reply with a fitting status: refusals of
 * bad input (Javalin's {@link HttpResponseException} family, thrown before anything is written) and
 * Javalin's own 404/405/413 as they are, a body that stopped arriving as 408, an unreachable
 * database as 503, a duplicate uuid as 409, anything else 500. Errors Jetty answers before any
 * route runs are {@link JsonErrorHandler}'s.
 */
public final class ErrorReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);

  private ErrorReplies() {}

  public static void install(RoutesConfig routes) {
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> JsonReplies.error(ctx, HttpStatus.forStatus(e.getStatus()), e.getMessage()));
    routes.exception(IOException.class, ErrorReplies::unreadable);
    routes.exception(MongoException.class, ErrorReplies::database);
    routes.exception(Exception.class, ErrorReplies::unexpected);
    // Javalin sets this status without a body when a body read times out (see JettyLimits).
    routes.error(
        HttpStatus.REQUEST_TIMEOUT.getCode(),
        "*",
        ctx ->
            JsonReplies.error(
                ctx, HttpStatus.REQUEST_TIMEOUT, "the request body did not arrive in time"));
  }

  private static void database(MongoException e, Context ctx) {
    if (e instanceof MongoWriteException write
        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
      JsonReplies.error(
          ctx, HttpStatus.CONFLICT, "a concurrent write created the same uuid; retry the request");
      return;
    }
    if (e instanceof MongoTimeoutException || e instanceof MongoSocketException) {
      LOG.warn("{} {}: the database is not reachable", ctx.method(), ctx.path());
      JsonReplies.error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "the database is not reachable");
      return;
    }
    LOG.warn(
        "{} {}: the database refused the request (code {})", ctx.method(), ctx.path(), e.getCode());
    JsonReplies.error(
        ctx,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "the database refused the request (code " + e.getCode() + ")");
  }

  /**
   * The request body could not be read: the client closed the connection or broke the framing
   * mid-body. Its doing, not the server's, so no ERROR; Javalin answers timeouts (408) itself.
   */
  private static void unreadable(IOException e, Context ctx) {
    LOG.debug(
        "{} {}: the request body could not be read: {}", ctx.method(), ctx.path(), e.toString());
    JsonReplies.error(ctx, HttpStatus.BAD_REQUEST, "the request body could not be read");
  }

  private static void unexpected(Exception e, Context ctx) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    JsonReplies.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
  }
}
