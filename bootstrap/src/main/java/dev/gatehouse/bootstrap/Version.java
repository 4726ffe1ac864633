package dev.gatehouse.bootstrap;

/** Gatehouse's version, as Maven wrote it into the jar's manifest. */
final class Version {
  private Version() {}

  static String current() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
