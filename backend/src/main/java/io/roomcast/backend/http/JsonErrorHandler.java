package io.roomcast.backend.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before any route runs (a bad request line 400, a URI too long
 * 414, oversized headers 431, ...), in the API's {@code {"error": "..."}} shape instead of Jetty's
 * HTML page, for every method and whatever the client accepts, with {@code Connection: close}. The
 * text is the status's reason and Jetty's short detail, never an exception or a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {
  /** Jetty's detail can quote the request (an unknown method, say); it is cut to this length. */
  static final int MAX_DETAIL_CHARS = 120;

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    // Jetty closes the connection after such an error; saying so keeps a keep-alive client from
    // sending its next request on it.
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    byte[] body = JsonReplies.errorBody(text(code, message, cause));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** The reason phrase, then Jetty's detail when it adds something and is not an exception. */
  static String text(int code, String message, Throwable cause) {
    String reason = HttpStatus.getMessage(code);
    if (message == null
        || message.isBlank()
        || message.equalsIgnoreCase(reason)
        || (cause != null && message.equals(cause.toString()))) {
      return reason;
    }
    String detail =
        message.length() > MAX_DETAIL_CHARS ? message.substring(0, MAX_DETAIL_CHARS) : message;
    return reason + ": " + detail;
  }
}
