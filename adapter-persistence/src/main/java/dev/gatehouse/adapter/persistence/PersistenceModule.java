package dev.gatehouse.adapter.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.ChallengeSignals;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.application.port.out.MasterKeyRotation;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;

/**
 * Binds every storage port to its PostgreSQL implementation on a started {@link PersistenceRuntime}
 * (which the composition root starts from a {@link PersistenceConfig} and closes).
 */
public final class PersistenceModule extends AbstractModule {
  private final PersistenceRuntime runtime;

  public PersistenceModule(PersistenceRuntime runtime) {
    this.runtime = runtime;
  }

  @Provides
  @Singleton
  PersistenceRuntime runtime() {
    return runtime;
  }

  @Provides
  @Singleton
  JdbcTransactions transactions(PersistenceRuntime started) {
    return started.transactions();
  }

  @Provides
  @Singleton
  SecretCipher cipher(PersistenceRuntime started) {
    return started.cipher();
  }

  @Provides
  @Singleton
  EnvelopeCipher envelope(SecretCipher cipher) {
    return new EnvelopeCipher(cipher);
  }

  @Provides
  @Singleton
  ChallengeSignals signals(PersistenceRuntime started) {
    return started.signals();
  }

  @Provides
  @Singleton
  UnitOfWork unitOfWork(JdbcTransactions transactions) {
    return transactions;
  }

  @Provides
  @Singleton
  UserRepository users(JdbcTransactions transactions) {
    return new JdbcUserRepository(transactions);
  }

  @Provides
  @Singleton
  ApiTokenRepository apiTokens(JdbcTransactions transactions) {
    return new JdbcApiTokenRepository(transactions);
  }

  @Provides
  @Singleton
  WorkspaceRepository workspaces(JdbcTransactions transactions) {
    return new JdbcWorkspaceRepository(transactions);
  }

  @Provides
  @Singleton
  MfaPolicyRepository policies(JdbcTransactions transactions, SecretCipher cipher) {
    return new JdbcMfaPolicyRepository(transactions, cipher);
  }

  @Provides
  @Singleton
  DeviceChoiceRepository deviceChoices(JdbcTransactions transactions) {
    return new JdbcDeviceChoiceRepository(transactions);
  }

  @Provides
  @Singleton
  ChallengeRepository challenges(JdbcTransactions transactions) {
    return new JdbcChallengeRepository(transactions);
  }

  @Provides
  @Singleton
  WorkspaceSessionRepository sessions(JdbcTransactions transactions) {
    return new JdbcWorkspaceSessionRepository(transactions);
  }

  @Provides
  @Singleton
  AccessGuardRepository guards(JdbcTransactions transactions) {
    return new JdbcAccessGuardRepository(transactions);
  }

  @Provides
  @Singleton
  EntryRepository entries(JdbcTransactions transactions, EnvelopeCipher envelope) {
    return new JdbcEntryRepository(transactions, envelope);
  }

  @Provides
  @Singleton
  MasterKeyRotation masterKeys(JdbcTransactions transactions, PersistenceRuntime started, SecretCipher cipher) {
    return new JdbcMasterKeyRotation(transactions, started.keys(), cipher.random());
  }

  @Provides
  @Singleton
  AuditLog audit(JdbcTransactions transactions) {
    return new JdbcAuditLog(transactions);
  }
}
