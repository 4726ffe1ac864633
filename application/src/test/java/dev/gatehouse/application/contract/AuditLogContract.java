package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.AuditFilter;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code AuditLog} does. */
public interface AuditLogContract extends StorageContract {
  private AuditEvent event(int second, String actor, String workspace, String subject) {
    AuditEvent.Builder b = AuditEvent.of(AuditEventType.CHALLENGE_APPROVED, StorageFixtures.T0.plusSeconds(second))
        .actor(new UserName(actor)).method(DuoMethod.PUSH).duoTransaction(new DuoTransactionId("tx-" + second))
        .outcome("approved").detail("event " + second);
    if (workspace != null) {
      b.workspace(new WorkspaceName(workspace));
    }
    if (subject != null) {
      b.subject(new UserName(subject));
    }
    return b.build();
  }

  @Test
  default void readsEveryFieldBackNewestFirst() {
    AuditEvent first = event(1, "alice", "servers", null);
    AuditEvent second = event(2, "bob", null, "carol");
    ports().audit().append(first);
    ports().audit().append(second);

    assertThat(ports().audit().list(new AuditFilter(Optional.empty(), Optional.empty(), 10)))
        .containsExactly(second, first);
  }

  @Test
  default void filtersByWorkspaceAndByUserAsActorOrSubject() {
    ports().audit().append(event(1, "alice", "servers", null));
    ports().audit().append(event(2, "bob", "desktops", "alice"));
    ports().audit().append(event(3, "bob", "servers", null));

    assertThat(ports().audit().list(new AuditFilter(Optional.of(new WorkspaceName("servers")), Optional.empty(), 10)))
        .extracting(AuditEvent::detail).containsExactly("event 3", "event 1");
    assertThat(ports().audit().list(new AuditFilter(Optional.empty(), Optional.of(new UserName("alice")), 10)))
        .extracting(AuditEvent::detail).containsExactly("event 2", "event 1");
  }

  @Test
  default void honoursTheLimit() {
    for (int i = 1; i <= 5; i++) {
      ports().audit().append(event(i, "alice", "servers", null));
    }
    assertThat(ports().audit().list(new AuditFilter(Optional.empty(), Optional.empty(), 2)))
        .extracting(AuditEvent::detail).containsExactly("event 5", "event 4");
  }
}
