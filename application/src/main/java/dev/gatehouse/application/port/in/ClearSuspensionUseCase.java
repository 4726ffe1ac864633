package dev.gatehouse.application.port.in;

/** Lifts a fraud suspension. */
public interface ClearSuspensionUseCase {
  void clear(ClearSuspensionCommand command);
}
