package dev.gatehouse.application.port.in;

/** Removes a workspace's second factor. */
public interface DisableMfaUseCase {
  void disable(DisableMfaCommand command);
}
