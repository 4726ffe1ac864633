package dev.gatehouse.application.contract;

import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Base of the storage port contracts: an implementation supplies fresh, empty ports for each
 * test ({@link #ports()}); the contracts run the same behaviour against the in-memory fakes and
 * against the real database.
 */
public interface StorageContract {
  GatehousePorts ports();

  default User givenUser(String name) {
    User user = StorageFixtures.aUser(name);
    ports().users().add(user);
    return user;
  }

  default Workspace givenWorkspace(String name, User... members) {
    Workspace workspace = StorageFixtures.aWorkspace(name);
    ports().workspaces().add(workspace);
    for (User member : members) {
      ports().workspaces().putMember(workspace.id(), member.name(), MemberRole.READER);
    }
    return workspace;
  }

  /** Runs {@code work(0..n-1)} on n threads released together, and fails if any of them failed. */
  static void concurrently(int n, IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        results.add(pool.submit(() -> {
          start.await();
          work.accept(index);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
