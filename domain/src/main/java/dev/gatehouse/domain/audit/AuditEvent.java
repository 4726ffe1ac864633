package dev.gatehouse.domain.audit;

import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the append-only audit trail: when, what, who acted, on which workspace (and for
 * whom, when that is someone else), by which method, Duo's transaction id and the outcome.
 * Details are written by Gatehouse and never carry secrets.
 */
public record AuditEvent(Instant at, AuditEventType type, Optional<UserName> actor,
    Optional<WorkspaceName> workspace, Optional<UserName> subject, Optional<DuoMethod> method,
    Optional<DuoTransactionId> duoTransaction, String outcome, String detail) {

  public AuditEvent {
    Require.notNull("at", at);
    Require.notNull("type", type);
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("subject", subject);
    Require.notNull("method", method);
    Require.notNull("duoTransaction", duoTransaction);
    outcome = Require.notNull("outcome", outcome).strip();
    Require.maxLength("outcome", outcome, 64);
    detail = Require.notNull("detail", detail).strip();
    if (detail.length() > 1000) {
      // Never cut a surrogate pair in half: a lone surrogate is not valid text in storage.
      int end = Character.isHighSurrogate(detail.charAt(999)) ? 999 : 1000;
      detail = detail.substring(0, end);
    }
  }

  /** Starts an event of the given type at the given time; the builder fills the rest. */
  public static Builder of(AuditEventType type, Instant at) {
    return new Builder(type, at);
  }

  /** Assembles an audit event field by field. */
  public static final class Builder {
    private final AuditEventType type;
    private final Instant at;
    private UserName actor;
    private WorkspaceName workspace;
    private UserName subject;
    private DuoMethod method;
    private DuoTransactionId duoTransaction;
    private String outcome = "ok";
    private String detail = "";

    private Builder(AuditEventType type, Instant at) {
      this.type = type;
      this.at = at;
    }

    public Builder actor(UserName value) {
      actor = value;
      return this;
    }

    public Builder workspace(WorkspaceName value) {
      workspace = value;
      return this;
    }

    public Builder subject(UserName value) {
      subject = value;
      return this;
    }

    public Builder method(DuoMethod value) {
      method = value;
      return this;
    }

    public Builder duoTransaction(DuoTransactionId value) {
      duoTransaction = value;
      return this;
    }

    public Builder outcome(String value) {
      outcome = value;
      return this;
    }

    public Builder detail(String value) {
      detail = value;
      return this;
    }

    public AuditEvent build() {
      return new AuditEvent(at, type, Optional.ofNullable(actor), Optional.ofNullable(workspace),
          Optional.ofNullable(subject), Optional.ofNullable(method),
          Optional.ofNullable(duoTransaction), outcome, detail);
    }
  }
}
