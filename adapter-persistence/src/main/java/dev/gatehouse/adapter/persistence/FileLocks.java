package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on files of the data directory, between processes (an OS file lock) and between
 * threads of this JVM (which the OS lock cannot tell apart: Java refuses a second lock on the same
 * file from one process).
 */
final class FileLocks {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Work done while holding a lock; may fail with an {@link IOException}. */
  @FunctionalInterface
  interface Locked<T> {
    T run() throws IOException;
  }

  private FileLocks() {}

  static <T> T exclusively(Path lockFile, String purpose, Locked<T> work) {
    Path key = lockFile.toAbsolutePath().normalize();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    try {
      if (!local.tryLock(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new StorageException("timed out waiting for " + key + " (" + purpose + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for " + key + " (" + purpose + ")");
    }
    try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      FileLock lock;
      while ((lock = channel.tryLock()) == null) {
        if (System.nanoTime() > deadline) {
          throw new StorageException("another Gatehouse process holds " + key + " for more than "
              + WAIT.toSeconds() + " s (" + purpose + ")");
        }
        sleep(50);
      }
      try {
        return work.run();
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new StorageException("cannot " + purpose + ": " + e.getMessage(), e);
    } finally {
      local.unlock();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted");
    }
  }
}
