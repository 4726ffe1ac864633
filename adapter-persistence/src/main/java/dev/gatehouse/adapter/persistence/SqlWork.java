package dev.gatehouse.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of JDBC work on a connection that the caller owns. */
@FunctionalInterface
interface SqlWork<T> {
  T apply(Connection connection) throws SQLException;
}
