package dev.gatehouse.application.port.in.session;

/** Closes the caller's session; returns whether it was live (closing twice changes nothing). */
public interface CloseSessionUseCase {
  boolean close(CloseSessionCommand command);
}
