package dev.gatehouse.bootstrap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports production classes only: neither this module's test classes nor the test-jars of other
 * modules (the application's fakes and contracts), whether they sit in {@code test-classes}
 * folders (reactor build) or in {@code -tests.jar} files (single-module build).
 */
final class ProductionClasses implements ImportOption {
  private static final ImportOption NOT_TEST_CLASSES = new ImportOption.DoNotIncludeTests();

  @Override
  public boolean includes(Location location) {
    return NOT_TEST_CLASSES.includes(location) && !location.contains("-tests.jar");
  }
}
