package dev.gatehouse.application.service.common;

import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.out.ConcurrentUpdateException;
import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.application.port.out.UnitOfWork;
import java.util.function.Supplier;

/**
 * Runs use-case work in a unit of work and turns storage failures into the in-port exceptions
 * that driving adapters map: the one place where out-port storage exceptions are translated.
 */
public final class Transactions {
  private final UnitOfWork unitOfWork;

  public Transactions(UnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  public <T> T write(Supplier<T> work) {
    return translate(() -> unitOfWork.inTransaction(work));
  }

  public void write(Runnable work) {
    write(() -> {
      work.run();
      return null;
    });
  }

  /** Reads outside a unit of work, with the same translation. */
  public static <T> T read(Supplier<T> work) {
    return translate(work);
  }

  private static <T> T translate(Supplier<T> work) {
    try {
      return work.get();
    } catch (DuplicateEntryException e) {
      throw new ConflictException(e.getMessage());
    } catch (ConcurrentUpdateException e) {
      throw new ConflictException("changed by another request; try again");
    } catch (StorageException e) {
      throw new StorageProblemException("storage failed: " + e.getMessage(), e);
    }
  }
}
