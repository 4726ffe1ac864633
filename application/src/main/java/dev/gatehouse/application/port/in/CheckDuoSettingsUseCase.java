package dev.gatehouse.application.port.in;

/** Checks Duo settings without saving them (the seed's Check button). */
public interface CheckDuoSettingsUseCase {
  DuoCheckResult check(CheckDuoSettingsCommand command);
}
