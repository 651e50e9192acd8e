package io.roomcast.backend.page;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.roomcast.backend.auth.DevTokenRoute;
import io.roomcast.backend.http.JsonReplies;
import io.roomcast.backend.update.UpdateRoute;

/**
 * The page (the web-client jar's {@code roomcast-web/} resources) at {@code /}, and {@code
 * /config.json}, which tells it where the socket server is: the page resolves an empty socketUrl to
 * its own host on port 8083, and {@code /} to its own origin.
 */
public final class PageRoutes {
  /** Where the web-client module puts the page on the classpath. */
  public static final String CLASSPATH_DIRECTORY = "/roomcast-web";

  public static final String CONFIG_PATH = "/config.json";

  private final String socketUrl;
  private final String uuidField;
  private final boolean devTokens;

  /**
   * @param devTokens whether the page should fetch its tokens from {@code POST /dev/token}
   */
  public PageRoutes(String socketUrl, String uuidField, boolean devTokens) {
    this.socketUrl = socketUrl;
    this.uuidField = uuidField;
    this.devTokens = devTokens;
  }

  /** Static files are configured on the JavalinConfig itself, routes on its routes. */
  public void install(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = CLASSPATH_DIRECTORY;
          files.location = Location.CLASSPATH;
        });
    config.routes.get(CONFIG_PATH, this::config);
  }

  private void config(Context ctx) {
    ctx.header("Cache-Control", "no-cache");
    JsonReplies.send(
        ctx,
        HttpStatus.OK,
        JsonReplies.object()
            .put("socketUrl", socketUrl)
            .put("updatePath", UpdateRoute.PATH)
            .put("uuidField", uuidField)
            .put("tokenPath", devTokens ? DevTokenRoute.PATH : null));
  }
}
