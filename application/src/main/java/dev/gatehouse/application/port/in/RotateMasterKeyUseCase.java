package dev.gatehouse.application.port.in;

/** Rotates the master key in one transaction; audited. Throws {@link StorageProblemException} when it cannot. */
public interface RotateMasterKeyUseCase {
  MasterKeyRotated rotate(RotateMasterKeyCommand command);
}
