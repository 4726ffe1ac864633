package dev.gatehouse.adapter.persistence;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory's own port, kept in {@code <data-dir>/pg.port}: a restarted server comes
 * back where every running node's pool looks for it. A new one is chosen (and kept) only when
 * there is none yet or another program took it while no server ran.
 */
final class StablePort {
  private static final Logger LOG = LoggerFactory.getLogger(StablePort.class);

  private StablePort() {}

  static int of(Path directory) throws IOException {
    Path file = directory.resolve("pg.port");
    if (Files.exists(file)) {
      try {
        int kept = Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).strip());
        if (isFree(kept)) {
          return kept;
        }
        LOG.warn("Port {} of {} is taken by another program; the embedded PostgreSQL moves to a new port", kept,
            file);
      } catch (NumberFormatException e) {
        LOG.warn("{} holds no port number; choosing a new one", file);
      }
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path partial = directory.resolve("pg.port.new");
    Files.writeString(partial, port + "\n", StandardCharsets.US_ASCII);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return port;
  }

  private static boolean isFree(int port) {
    if (port < 1 || port > 65535) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
