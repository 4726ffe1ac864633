package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.ChallengeSignals;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.common.InvalidValueException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Challenge signals through PostgreSQL {@code LISTEN/NOTIFY} on one channel: {@code publish} is a
 * {@code pg_notify} on a pooled connection (and is handed to this process's receivers at once); one
 * dedicated connection per process listens, on a daemon thread that reconnects after the database
 * comes back. Signals lost while it is away cost waiters nothing but their wait: they re-read then.
 */
final class JdbcChallengeSignals implements ChallengeSignals, AutoCloseable {
  static final String CHANNEL = "gatehouse_challenges";
  private static final int POLL_MILLIS = 500;
  private static final long RECONNECT_MILLIS = 1000;
  private static final System.Logger LOG = System.getLogger(JdbcChallengeSignals.class.getName());

  private final JdbcTransactions db;
  private final String url;
  private final Properties credentials;
  private final List<Consumer<ChallengeId>> receivers = new CopyOnWriteArrayList<>();
  private volatile Thread listener;
  private volatile Connection listening;
  private volatile boolean closed;

  JdbcChallengeSignals(JdbcTransactions db, String url, String user, String password) {
    this.db = db;
    this.url = url;
    this.credentials = new Properties();
    credentials.setProperty("user", user);
    if (password != null) {
      credentials.setProperty("password", password);
    }
    credentials.setProperty("ApplicationName", "gatehouse-signals");
    credentials.setProperty("connectTimeout", "2");
    credentials.setProperty("tcpKeepAlive", "true");
  }

  @Override
  public void publish(ChallengeId challenge) {
    deliver(challenge);
    try {
      db.run("signal a challenge change", c -> {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
          s.setString(1, CHANNEL);
          s.setString(2, challenge.value());
          s.execute();
          return null;
        }
      });
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "a challenge signal was lost: " + e.getMessage());
    }
  }

  @Override
  public synchronized AutoCloseable subscribe(Consumer<ChallengeId> receiver) {
    receivers.add(receiver);
    if (listener == null && !closed) {
      Thread thread = new Thread(this::listen, "gatehouse-challenge-signals");
      thread.setDaemon(true);
      listener = thread;
      thread.start();
    }
    return () -> receivers.remove(receiver);
  }

  private void deliver(ChallengeId challenge) {
    for (Consumer<ChallengeId> receiver : receivers) {
      try {
        receiver.accept(challenge);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a challenge signal receiver failed: " + e.getMessage());
      }
    }
  }

  private void listen() {
    boolean warned = false;
    while (!closed) {
      try (Connection c = DriverManager.getConnection(url, credentials)) {
        listening = c;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        warned = false;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              received(notification.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (!closed && !warned) {
          LOG.log(System.Logger.Level.WARNING, "Listening for challenge changes failed (" + e.getMessage()
              + "); waiting clients fall back to their own re-reads until it reconnects");
          warned = true;
        }
        pause();
      }
    }
  }

  private void received(String payload) {
    ChallengeId id;
    try {
      id = new ChallengeId(payload);
    } catch (InvalidValueException e) {
      return;
    }
    deliver(id);
  }

  private static void pause() {
    try {
      Thread.sleep(RECONNECT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Drops the listening connection (the database went away or shuts down); it reconnects when it can. */
  void dropConnection() {
    Connection c = listening;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.log(System.Logger.Level.DEBUG, "closing the challenge signals' connection failed", e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    dropConnection();
    Thread thread = listener;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
