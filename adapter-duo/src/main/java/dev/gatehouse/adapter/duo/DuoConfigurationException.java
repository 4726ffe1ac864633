package dev.gatehouse.adapter.duo;

/** Gatehouse's own Duo settings are unusable (e.g. an unreadable CA file); never Duo's answer. */
final class DuoConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DuoConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
