package io.roomcast.e2e.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets bound to one local loopback address (127.x.y.z) before connecting, so that one machine
 * looks like many clients to the proxy's address-based sticky routing.
 */
public final class LoopbackSourceSockets extends SocketFactory {
  private final InetAddress source;

  public LoopbackSourceSockets(InetAddress source) {
    if (!source.isLoopbackAddress()) {
      throw new IllegalArgumentException(source + " is not a loopback address");
    }
    this.source = source;
  }

  @Override
  public Socket createSocket() throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(source, 0));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return createSocket(InetAddress.getByName(host), port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return new Socket(host, port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return new Socket(address, port, localAddress, localPort);
  }
}
