package dev.gatehouse.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.fake.InMemoryRepositories;
import dev.gatehouse.application.fake.InMemoryStore;
import dev.gatehouse.application.fake.MutableClock;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The first user becomes the administrator, exactly once, however many ask at the same moment. */
class FirstAdministratorTest {
  private static final int RACERS = 8;

  @Test
  void concurrentFirstUsersMakeExactlyOneAdministrator() throws Exception {
    InMemoryStore store = new InMemoryStore();
    UserRepository users = new ReadCommittedUsers(new InMemoryRepositories.Users(store), RACERS);
    GatehousePorts fakes = InMemoryGatehouse.ports(store, new FakeSecondFactorGateway(),
        MutableClock.startingAt("2026-11-29T09:00:00Z"));
    UnitOfWork concurrent = new UnitOfWork() {
      @Override
      public <T> T inTransaction(Supplier<T> work) {
        // Like READ COMMITTED: units of work interleave instead of running one after another.
        return work.get();
      }
    };
    AddUserService service = new AddUserService(users, fakes.workspaces(), fakes.audit(), concurrent,
        fakes.clock());

    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    try {
      for (int i = 0; i < RACERS; i++) {
        UserName name = new UserName("admin" + i);
        results.add(pool.submit(() -> {
          start.await();
          try {
            return service.add(new AddUserCommand(name, name, Role.MEMBER, Optional.empty()));
          } catch (AccessDeniedException e) {
            return e;
          }
        }));
      }
      start.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> result : results) {
        outcomes.add(result.get(30, TimeUnit.SECONDS));
      }

      assertThat(outcomes).filteredOn(User.class::isInstance).singleElement()
          .satisfies(u -> assertThat(((User) u).role()).isEqualTo(Role.ADMINISTRATOR));
      assertThat(outcomes).filteredOn(AccessDeniedException.class::isInstance).hasSize(RACERS - 1);
      assertThat(fakes.users().count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Users as a READ COMMITTED database shows them to racing first requests: each count is taken
   * before any of the racers' inserts is visible.
   */
  private static final class ReadCommittedUsers implements UserRepository {
    private final UserRepository users;
    private final CyclicBarrier allCounted;

    ReadCommittedUsers(UserRepository users, int racers) {
      this.users = users;
      this.allCounted = new CyclicBarrier(racers);
    }

    @Override
    public void add(User user) {
      users.add(user);
    }

    @Override
    public boolean addFirstAdministrator(User administrator) {
      return users.addFirstAdministrator(administrator);
    }

    @Override
    public Optional<User> find(UserName name) {
      return users.find(name);
    }

    @Override
    public void update(User user) {
      users.update(user);
    }

    @Override
    public List<User> list() {
      return users.list();
    }

    @Override
    public long count() {
      long count = users.count();
      try {
        allCounted.await(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        // Fewer racers counted (the service no longer relies on counting): go on.
      }
      return count;
    }
  }
}
