package dev.gatehouse.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for tests that counts SQL statements: it takes the PostgreSQL URLs that carry
 * {@link #MARKER}, connects through the real PostgreSQL driver and hands out connections wrapped in
 * a {@link Proxy} that records every statement executed on them (its SQL, in order). A node pointed
 * at such a URL as its external database counts everything its pool (and its signal listener) runs,
 * without a seam in the product. Registered ahead of the PostgreSQL driver, which keeps every other
 * URL.
 */
final class CountingDriver implements Driver {
  static final String MARKER = "gatehouseCountStatements=true";
  private static CountingDriver installed;

  private final Driver postgres = new org.postgresql.Driver();
  private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

  private CountingDriver() {}

  /** The one counting driver, registered ahead of the drivers already registered. */
  static synchronized CountingDriver install() throws SQLException {
    if (installed == null) {
      List<Driver> others = Collections.list(DriverManager.getDrivers());
      for (Driver other : others) {
        DriverManager.deregisterDriver(other);
      }
      installed = new CountingDriver();
      DriverManager.registerDriver(installed);
      for (Driver other : others) {
        DriverManager.registerDriver(other);
      }
    }
    return installed;
  }

  /** The URL under which this driver counts the statements run on a PostgreSQL URL. */
  static String counted(String postgresUrl) {
    return postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + MARKER;
  }

  /** How many statements were executed so far: a mark to take {@link #since} from. */
  int mark() {
    return executed.size();
  }

  /** The statements executed since the mark, in order. */
  List<String> since(int mark) {
    synchronized (executed) {
      return List.copyOf(executed.subList(mark, executed.size()));
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith("jdbc:postgresql:") && url.contains(MARKER);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    String plain = url.replace("&" + MARKER, "").replace("?" + MARKER, "");
    Connection real = postgres.connect(plain, info);
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          if (result instanceof Statement statement) {
            String sql = method.getName().startsWith("prepare") ? (String) args[0] : null;
            return counting(statement, sql);
          }
          return result;
        });
  }

  private Statement counting(Statement statement, String prepared) {
    Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
        : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().startsWith("execute")) {
        String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
        executed.add(sql == null ? "(batch)" : sql.strip());
      }
      return invoke(statement, method, args);
    };
    return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return postgres.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return postgres.getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return postgres.getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }
}
