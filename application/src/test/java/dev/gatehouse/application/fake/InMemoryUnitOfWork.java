package dev.gatehouse.application.fake;

import dev.gatehouse.application.port.out.UnitOfWork;
import java.util.function.Supplier;

/** Runs work under the store's lock and restores the snapshot taken at the start if it throws. */
public final class InMemoryUnitOfWork implements UnitOfWork {
  private final InMemoryStore store;

  public InMemoryUnitOfWork(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (store.holdsTransaction()) {
      return work.get();
    }
    store.lock();
    try {
      InMemoryStore.Snapshot before = store.snapshot();
      try {
        return work.get();
      } catch (RuntimeException | Error e) {
        store.restore(before);
        throw e;
      }
    } finally {
      store.unlock();
    }
  }
}
