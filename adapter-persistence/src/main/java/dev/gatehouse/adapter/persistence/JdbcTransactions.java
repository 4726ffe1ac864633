package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.domain.common.DomainException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The unit of work on a JDBC pool: a transaction's connection is bound to the running thread, so
 * repositories called inside it join it; nested units join the outer one. Outside a unit, each
 * repository call borrows its own auto-commit connection.
 */
final class JdbcTransactions implements UnitOfWork {
  private final DataSource dataSource;
  private final BooleanSupplier databaseUp;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  JdbcTransactions(DataSource dataSource) {
    this(dataSource, () -> true);
  }

  /** {@code databaseUp} false fails every new unit at once instead of waiting for a connection. */
  JdbcTransactions(DataSource dataSource, BooleanSupplier databaseUp) {
    this.dataSource = dataSource;
    this.databaseUp = databaseUp;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    Connection connection = borrow("begin a transaction");
    try {
      connection.setAutoCommit(false);
      current.set(connection);
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      }
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollbackQuietly(connection, e);
      throw SqlErrors.translate("commit", e);
    } finally {
      current.remove();
      closeQuietly(connection);
    }
  }

  /** Whether the calling thread is inside a unit of work. */
  boolean inTransaction() {
    return current.get() != null;
  }

  /** Runs the work on the current transaction's connection, or on a borrowed auto-commit one. */
  <T> T run(String what, SqlWork<T> work) {
    Connection joined = current.get();
    if (joined != null) {
      return apply(what, work, joined);
    }
    Connection own = borrow(what);
    try {
      return apply(what, work, own);
    } finally {
      closeQuietly(own);
    }
  }

  /** Runs several statements atomically: in the current transaction, or in one of their own. */
  <T> T atomically(String what, SqlWork<T> work) {
    return inTransaction(() -> run(what, work));
  }

  /**
   * Runs a statement that may fail on purpose (a unique key): inside a transaction it runs under
   * a savepoint, so the failure does not abort the caller's transaction (PostgreSQL would refuse
   * every later statement) and the caller may handle it and go on.
   */
  <T> T guarded(String what, SqlWork<T> work) {
    Connection joined = current.get();
    if (joined == null) {
      return run(what, work);
    }
    return apply(what, connection -> {
      Savepoint savepoint = connection.setSavepoint();
      try {
        T result = work.apply(connection);
        connection.releaseSavepoint(savepoint);
        return result;
      } catch (SQLException e) {
        connection.rollback(savepoint);
        throw e;
      }
    }, joined);
  }

  private static <T> T apply(String what, SqlWork<T> work, Connection connection) {
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw SqlErrors.translate(what, e);
    } catch (DomainException e) {
      // A stored row the domain refuses to restore: storage is damaged, not the caller's input.
      throw new StorageException(what + ": stored data is invalid: " + e.getMessage(), e);
    }
  }

  private Connection borrow(String what) {
    if (!databaseUp.getAsBoolean()) {
      throw new StorageException(what + ": the database is down");
    }
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrors.translate(what, e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // The pool discards a connection it cannot return; nothing is lost for the caller.
    }
  }
}
