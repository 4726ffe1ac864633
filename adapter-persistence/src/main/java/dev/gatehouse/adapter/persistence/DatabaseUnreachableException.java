package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;

/**
 * Storage could not start because no connection to the database could be opened (refused, timed
 * out, unknown host, authentication failed): the one start failure that waiting may cure.
 */
public final class DatabaseUnreachableException extends StorageException {
  public DatabaseUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
