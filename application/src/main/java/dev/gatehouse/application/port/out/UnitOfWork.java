package dev.gatehouse.application.port.out;

import java.util.function.Supplier;

/**
 * Runs a use case's writes so they commit or roll back together. Nested calls join the running
 * unit. Throws {@link StorageException} when storage fails; any exception from the work rolls back.
 */
public interface UnitOfWork {
  <T> T inTransaction(Supplier<T> work);
}
