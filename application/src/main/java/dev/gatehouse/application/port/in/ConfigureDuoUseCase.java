package dev.gatehouse.application.port.in;

/** Checks, then saves, a workspace's Duo settings. */
public interface ConfigureDuoUseCase {
  ConfigureDuoResult configure(ConfigureDuoCommand command);
}
