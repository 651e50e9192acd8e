package io.roomcast.socket.testing;

import io.socket.client.IO;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP client of every socket.io-client-java test client. Without it the library shares one
 * OkHttpClient with OkHttp's defaults across the JVM: at most 5 requests in flight per host, so a
 * few closed polling clients whose long-polls are still open (up to a ping interval) hold back the
 * next clients' handshakes, CONNECTs and acks for seconds, which looked like lost packets; and a 10
 * s read timeout, shorter than the server's 25 s long-poll.
 */
public final class TestOkHttp {
  private static final OkHttpClient SHARED = build();

  private TestOkHttp() {}

  /** Sets the shared client as the options' HTTP and websocket factory; returns the options. */
  public static IO.Options use(IO.Options options) {
    options.callFactory = SHARED;
    options.webSocketFactory = SHARED;
    return options;
  }

  private static OkHttpClient build() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(100_000);
    dispatcher.setMaxRequestsPerHost(100_000);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .readTimeout(1, TimeUnit.MINUTES)
        .build();
  }
}
