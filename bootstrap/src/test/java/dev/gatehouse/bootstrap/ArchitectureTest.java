package dev.gatehouse.bootstrap;

import dev.gatehouse.application.service.SecureRandomTokenSource;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The rules of house-style.md, checked on the production classes of every module, grouped by
 * concern. ArchUnit's engine does not see JUnit's {@code @Nested}, so each group is a static class
 * included with {@link ArchTests#in}. {@link ArchitectureRulesMatchRealClassesTest} shows that the
 * rules concern real classes.
 */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ProductionClasses.class)
class ArchitectureTest {

  private static final String DOMAIN = "dev.gatehouse.domain..";
  private static final String APPLICATION = "dev.gatehouse.application..";
  private static final String ADAPTERS = "dev.gatehouse.adapter..";
  private static final String BOOTSTRAP = "dev.gatehouse.bootstrap..";
  private static final String SIMULATOR = "dev.gatehouse.duosim..";

  @ArchTest
  static final ArchTests layers = ArchTests.in(Layers.class);

  @ArchTest
  static final ArchTests adapterIsolation = ArchTests.in(AdapterIsolation.class);

  @ArchTest
  static final ArchTests coreIsPureJava = ArchTests.in(CoreIsPureJava.class);

  @ArchTest
  static final ArchTests technologiesStayInTheirAdapters = ArchTests.in(TechnologiesStayInTheirAdapters.class);

  @ArchTest
  static final ArchTests portDirection = ArchTests.in(PortDirection.class);

  @ArchTest
  static final ArchTests namingAndHygiene = ArchTests.in(NamingAndHygiene.class);

  /** Rule 1: dependencies point inwards, and nothing depends on the composition root. */
  static final class Layers {
    @ArchTest
    static final ArchRule layersPointInwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Domain").definedBy(DOMAIN)
        .layer("Application").definedBy(APPLICATION)
        .layer("Adapters").definedBy(ADAPTERS)
        .layer("Bootstrap").definedBy(BOOTSTRAP)
        .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
        .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
        .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
        .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap")
        .because("the core knows nothing of its adapters, and only bootstrap assembles them");

    @ArchTest
    static final ArchRule simulatorStandsAlone = noClasses().that().resideInAPackage(SIMULATOR)
        .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, BOOTSTRAP)
        .because("the Duo simulator shares no code with Gatehouse, so a mistake cannot hide in both");

    @ArchTest
    static final ArchRule onlyBootstrapRunsTheSimulator = noClasses()
        .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS)
        .should().dependOnClassesThat().resideInAPackage(SIMULATOR)
        .because("the simulator is a test double and a demo engine, wired only by bootstrap");
  }

  /** Rule 2: adapters never depend on each other. */
  static final class AdapterIsolation {
    @ArchTest
    static final ArchRule adaptersAreIndependent = slices().matching("dev.gatehouse.adapter.(*)..")
        .should().notDependOnEachOther()
        .because("each adapter translates one technology; only bootstrap combines them");
  }

  /** Rule 3: the core depends on the JDK only. */
  static final class CoreIsPureJava {
    @ArchTest
    static final ArchRule domainUsesOnlyTheJdkBasics = classes().that().resideInAPackage(DOMAIN)
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            DOMAIN, "java.lang..", "java.util..", "java.time..", "java.math..", "")
        .because("the domain model is plain Java: no frameworks, no I/O, no hidden time or randomness");

    @ArchTest
    static final ArchRule applicationUsesOnlyTheJdkBasics = classes().that().resideInAPackage(APPLICATION)
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            DOMAIN, APPLICATION, "java.lang..", "java.util..", "java.time..", "java.math..", "")
        .orShould().haveSimpleName("SecureRandomTokenSource")
        .because("use cases are plain Java; the JDK token source may use java.security (ADR 0001)");
  }

  /** Rule 4: each technology stays in its adapter. */
  static final class TechnologiesStayInTheirAdapters {
    @ArchTest
    static final ArchRule feignOnlyInTheDuoAdapter = noClasses().that().resideOutsideOfPackage("dev.gatehouse.adapter.duo..")
        .should().dependOnClassesThat().resideInAPackage("feign..")
        .because("Feign is how Gatehouse talks to Duo, and nothing else does");

    @ArchTest
    static final ArchRule storageOnlyInThePersistenceAdapter = noClasses()
        .that().resideOutsideOfPackage("dev.gatehouse.adapter.persistence..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "java.sql..", "javax.sql..", "org.postgresql..", "org.flywaydb..", "com.zaxxer..", "io.zonky..")
        .because("SQL, PostgreSQL, Flyway and the pool are details of the persistence adapter");

    @ArchTest
    static final ArchRule javalinOnlyInTheHttpAdapters = noClasses()
        .that().resideOutsideOfPackages("dev.gatehouse.adapter.rest..", "dev.gatehouse.adapter.web..")
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty.server..",
            "org.eclipse.jetty.ee10..", "org.eclipse.jetty.http2..", "org.eclipse.jetty.alpn..",
            "org.eclipse.jetty.session..", "org.eclipse.jetty.websocket..")
        .because("HTTP serving is the business of the faces that serve it: the REST API and the web console");

    @ArchTest
    static final ArchRule jettyClientOnlyInTheDuoAdapter = noClasses()
        .that().resideOutsideOfPackage("dev.gatehouse.adapter.duo..")
        .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty.client..")
        .because("Jetty's HTTP client is how the Duo adapter reaches Duo (ADR 0009), and nothing else calls out");

    @ArchTest
    static final ArchRule picocliOnlyInTheCliAdapter = noClasses().that().resideOutsideOfPackage("dev.gatehouse.adapter.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .because("argument parsing is the command line's business");

    @ArchTest
    static final ArchRule guiceOnlyInModulesAndBootstrap = noClasses()
        .that().resideOutsideOfPackage(BOOTSTRAP).and().haveSimpleNameNotEndingWith("Module")
        .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
        .because("wiring is explicit: one module per adapter, one composition root");
  }

  /** Rule 5: ports point the right way. */
  static final class PortDirection {
    @ArchTest
    static final ArchRule drivenAdaptersNeverDriveUseCases = noClasses()
        .that().resideInAnyPackage("dev.gatehouse.adapter.duo..", "dev.gatehouse.adapter.persistence..")
        .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.application.port.in..")
        .because("driven adapters implement out-ports; they are called, they do not call use cases");

    @ArchTest
    static final ArchRule drivingAdaptersNeverTouchOutPorts = noClasses()
        .that().resideInAnyPackage("dev.gatehouse.adapter.rest..", "dev.gatehouse.adapter.cli..",
            "dev.gatehouse.adapter.web..")
        .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.application.port.out..")
        .because("driving adapters go through use cases, never around them to storage or Duo");

    /**
     * Issue 16: a service states the out-ports it uses; the collaborators use cases share are built
     * once by {@code Gatehouse.assemble} and handed in, never rebuilt from a bag of every port.
     */
    @ArchTest
    static final ArchRule servicesAreBuiltFromOutPortsOnly = constructors()
        .that().areDeclaredInClassesThat().resideInAPackage("dev.gatehouse.application.service..")
        .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
        .and().arePublic()
        .should(new ArchCondition<JavaConstructor>("take only out-ports, the clock and the shared collaborators") {
          @Override
          public void check(JavaConstructor constructor, ConditionEvents events) {
            for (JavaClass type : constructor.getRawParameterTypes()) {
              boolean outPort = type.getPackageName().startsWith("dev.gatehouse.application.port.out")
                  && !type.getSimpleName().equals("GatehousePorts");
              boolean shared = type.getName().equals("java.time.Clock")
                  || type.getName().equals("dev.gatehouse.application.service.session.SessionGate")
                  || type.getName().equals("dev.gatehouse.application.service.challenge.ChallengeLifecycle")
                  || type.getName().equals("dev.gatehouse.application.service.common.FreshApproval");
              if (!outPort && !shared) {
                events.add(SimpleConditionEvent.violated(constructor,
                    constructor.getFullName() + " takes " + type.getName()));
              }
            }
          }
        })
        .because("house style: every service is constructed from its out-ports only");

    @ArchTest
    static final ArchRule onlyBootstrapNamesServices = noClasses()
        .that().resideInAnyPackage(ADAPTERS, DOMAIN)
        .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.application.service..")
        .because("services are an implementation detail assembled by the composition root");

    @ArchTest
    static final ArchRule drivenAdaptersImplementOutPorts = classes()
        .that().resideInAnyPackage("dev.gatehouse.adapter.duo..", "dev.gatehouse.adapter.persistence..")
        .and().haveSimpleNameStartingWith("Duo").and().haveSimpleNameEndingWith("Gateway")
        .should().implement(DescribedPredicate.describe("an out-port",
            (JavaClass port) -> port.getPackageName().startsWith("dev.gatehouse.application.port.out")))
        .because("a gateway adapter implements a domain-owned interface (house-style: ExternalRoutingService)");
  }

  /** Rule 6: names, cycles and general coding rules. */
  static final class NamingAndHygiene {
    @ArchTest
    static final ArchRule useCasesAreInterfacesInPortIn = classes().that().haveSimpleNameEndingWith("UseCase")
        .should().beInterfaces().andShould().resideInAPackage("dev.gatehouse.application.port.in..")
        .because("in-ports are named <Verb><Noun>UseCase");

    @ArchTest
    static final ArchRule commandsAndQueriesAreRecords = classes().that().resideInAPackage("dev.gatehouse.application.port.in..")
        .and().haveNameMatching(".*(Command|Query)$")
        .should().beRecords()
        .because("use-case inputs are records of domain values");

    @ArchTest
    static final ArchRule servicesAreFinalAndImplementAUseCase = classes().that().resideInAPackage("dev.gatehouse.application.service..")
        .and().haveSimpleNameEndingWith("Service")
        .should().haveModifier(JavaModifier.FINAL)
        .andShould().implement(DescribedPredicate.describe("a use case",
            (JavaClass type) -> type.getSimpleName().endsWith("UseCase")))
        .because("each service implements exactly the use case it is named after");

    @ArchTest
    static final ArchRule noVagueNames = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
        .should().haveNameMatching(".*(Impl|Dto|Manager|Helper|Util|Utils)$")
        .because("names say what a type is (house-style: Naming)");

    @ArchTest
    static final ArchRule noDtoOrImplAnywhere = noClasses().should().haveNameMatching(".*(Impl|Dto)$")
        .because("adapter DTOs carry the adapter's prefix instead (RestUnlockResponse, WorkspaceRow)");

    @ArchTest
    static final ArchRule restHandlersAreResources = noClasses().that().resideInAPackage("dev.gatehouse.adapter.rest..")
        .and().areTopLevelClasses()
        .should().haveNameMatching(".*(Handler|Controller|Endpoint)$")
        .because("REST handlers are named *Resource");

    @ArchTest
    static final ArchRule cliCommandsAreSubcommands = classes().that().resideInAPackage("dev.gatehouse.adapter.cli..")
        .and().areAnnotatedWith("picocli.CommandLine$Command")
        .should().haveSimpleNameEndingWith("Subcommand").orShould().haveSimpleName("GatehouseCli")
        .because("CLI classes are *Subcommand so that 'Command' stays with the application");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.gatehouse.(**)").should().beFreeOfCycles()
        .because("packages form a tree of dependencies");

    @ArchTest
    static final ArchRule noFieldInjection = fields().should().notBeAnnotatedWith("com.google.inject.Inject")
        .andShould().notBeAnnotatedWith("jakarta.inject.Inject")
        .because("dependencies arrive through constructors or @Provides methods");

    @ArchTest
    static final ArchRule noGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
        .because("failures have types that adapters can map");

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
        .because("Gatehouse logs through SLF4J in adapters and bootstrap only");

    @ArchTest
    static final ArchRule noStandardStreams = noClasses()
        .that().resideOutsideOfPackages("dev.gatehouse.adapter.cli..")
        .and().doNotHaveSimpleName("Main")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .because("only the command line (through its injected streams) and entry points print");
  }
}
