package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The "stays in its adapter" and naming rules of {@link ArchitectureTest} would pass vacuously if
 * a technology or a kind of class were absent; these checks show each one concerns real classes.
 */
class ArchitectureRulesMatchRealClassesTest {
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter()
        .withImportOption(new ProductionClasses())
        .importPackages("dev.gatehouse");
  }

  @ParameterizedTest(name = "{1} is used in {0}")
  @CsvSource({
      "dev.gatehouse.adapter.duo, feign",
      "dev.gatehouse.adapter.persistence, java.sql",
      "dev.gatehouse.adapter.persistence, org.flywaydb",
      "dev.gatehouse.adapter.persistence, com.zaxxer",
      "dev.gatehouse.adapter.persistence, io.zonky",
      "dev.gatehouse.adapter.rest, io.javalin",
      "dev.gatehouse.adapter.web, io.javalin",
      "dev.gatehouse.adapter.web, gg.jte",
      "dev.gatehouse.adapter.cli, picocli",
      "dev.gatehouse.bootstrap, com.google.inject",
      "dev.gatehouse.application.service, java.security",
  })
  void technologyIsUsedWhereItBelongs(String home, String technology) {
    assertThat(production.stream()
        .filter(c -> c.getPackageName().startsWith(home))
        .anyMatch(c -> dependsOn(c, technology)))
        .as("some class in %s uses %s", home, technology)
        .isTrue();
  }

  @Test
  void everyAdapterHasAGuiceModule() {
    assertThat(production.stream()
        .filter(c -> c.getSimpleName().endsWith("Module") && c.getPackageName().startsWith("dev.gatehouse.adapter"))
        .filter(c -> dependsOn(c, "com.google.inject"))
        .map(JavaClass::getPackageName))
        .containsExactlyInAnyOrder("dev.gatehouse.adapter.duo", "dev.gatehouse.adapter.persistence",
            "dev.gatehouse.adapter.rest", "dev.gatehouse.adapter.cli", "dev.gatehouse.adapter.web");
  }

  @ParameterizedTest(name = "{0} has classes named *{1}")
  @CsvSource({
      "dev.gatehouse.adapter.rest, Resource",
      "dev.gatehouse.adapter.cli, Subcommand",
      "dev.gatehouse.application.service, Service",
      "dev.gatehouse.application.port.in, UseCase",
      "dev.gatehouse.application.port.in, Command",
      "dev.gatehouse.application.port.in, Query",
  })
  void namingRulesConcernRealClasses(String pkg, String suffix) {
    assertThat(production.stream()
        .filter(c -> c.getPackageName().startsWith(pkg))
        .anyMatch(c -> c.getSimpleName().endsWith(suffix)))
        .as("%s has a class named *%s", pkg, suffix)
        .isTrue();
  }

  @Test
  void theSimulatorAndTheDuoGatewayExist() {
    assertThat(production.stream().map(JavaClass::getPackageName)).contains("dev.gatehouse.duosim");
    assertThat(production.stream().filter(c -> c.getPackageName().equals("dev.gatehouse.adapter.duo"))
        .anyMatch(c -> c.getSimpleName().startsWith("Duo") && c.getSimpleName().endsWith("Gateway")))
        .isTrue();
  }

  private static boolean dependsOn(JavaClass type, String packagePrefix) {
    return type.getDirectDependenciesFromSelf().stream()
        .anyMatch(d -> d.getTargetClass().getPackageName().startsWith(packagePrefix));
  }
}
