package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.in.DuoSummary;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.in.entry.RevealEntryResult;
import dev.gatehouse.application.port.in.entry.RevealedEntry;
import dev.gatehouse.application.port.in.entry.EditEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealedEntry;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretChange;
import dev.gatehouse.domain.entry.SecretKind;
import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks {@code getPermittedSubclasses()} of every sealed result of {@code port.in} and proves the
 * REST adapter maps each case to the status openapi.json documents.
 */
class SealedResultMappingTest {
  private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
  private static final ChallengeView CHALLENGE = new ChallengeView(new ChallengeId("AAAAAAAAAAAAAAAAAAAAAA"),
      new WorkspaceName("vault"), ChallengePurpose.UNLOCK,
      new DeviceSelection(RestFixture.PHONE.id(), DuoMethod.PUSH), ChallengeState.PENDING, Optional.empty(),
      StatusMessage.of("Pushed a login request to your device..."), NOW.plusSeconds(90), 5, false);
  private static final Denial DENIAL = Denial.byDuo(DenialCode.DUO_DENIED, StatusMessage.of("Your account is disabled"));

  private final InMemoryGatehouse core = new InMemoryGatehouse();
  private final RestErrorMapper errors = new RestErrorMapper();
  private final UnlockResource unlock = RestModule.unlockResource(core.gatehouse, errors);
  private final DuoDeviceResource devices = RestModule.duoDeviceResource(core.gatehouse, errors);
  private final MfaResource mfa = RestModule.mfaResource(core.gatehouse, errors);
  private final EntryResource entries = RestModule.entryResource(core.gatehouse, errors);

  /** One sample of every permitted subclass, with the status it must map to. */
  private final Map<Object, Integer> samples = new LinkedHashMap<>();
  /** How each sealed result is mapped (DeviceListResult has two views: devices and enrollment). */
  private final Map<Class<?>, List<Function<Object, RestReply>>> mappers = new LinkedHashMap<>();

  SealedResultMappingTest() {
    samples.put(new UnlockResult.Granted(new SessionGrant(new SessionId("CCCCCCCCCCCCCCCC"), new WorkspaceName("vault"),
        new SecretToken("BBBBBBBBBBBBBBBBBBBBBBBB"), GrantKind.DUO_APPROVED, NOW.plusSeconds(3600))), 200);
    samples.put(new UnlockResult.Pending(CHALLENGE), 202);
    samples.put(new UnlockResult.Denied(DENIAL), 403);
    samples.put(new UnlockResult.Denied(Denial.of(DenialCode.DUO_UNAVAILABLE)), 403);
    samples.put(new ChooseDuoDeviceResult.Verifying(CHALLENGE), 202);
    samples.put(new ChooseDuoDeviceResult.Denied(Denial.of(DenialCode.DUO_UNAVAILABLE)), 403);
    samples.put(new DeviceListResult.Devices(List.of(RestFixture.PHONE), Optional.of(RestFixture.PHONE.id()),
        Optional.empty(), Optional.empty(), StatusMessage.of("Account is active")), 200);
    samples.put(new DeviceListResult.Bypass(StatusMessage.of("Allowing unknown user")), 200);
    samples.put(new DeviceListResult.Denied(DENIAL), 403);
    samples.put(new DuoCheckResult.Passed(), 200);
    samples.put(new DuoCheckResult.Failed(SecondFactorProblem.CREDENTIALS_REJECTED, "bad key"), 200);
    samples.put(new ConfigureDuoResult.Configured(new DuoSummary(new ApiHostname("api-test.duosecurity.com"),
        new IntegrationKey(RestFixture.IKEY), Failmode.SECURE, MfaOptions.DEFAULTS)), 200);
    samples.put(new ConfigureDuoResult.CheckFailed(
        new DuoCheckResult.Failed(SecondFactorProblem.UNAVAILABLE, "timeout")), 503);
    samples.put(new RevealEntryResult.Revealed(new RevealedEntry(new EntryName("db1"), Optional.of("root"),
        EntrySecret.password("s3cr3t-sample"))), 200);
    samples.put(new RevealEntryResult.StepUpRequired(CHALLENGE), 202);
    samples.put(new RevealEntryResult.Denied(Denial.of(DenialCode.COOLDOWN)), 403);

    mappers.put(UnlockResult.class, List.of(r -> unlock.reply((UnlockResult) r)));
    mappers.put(ChooseDuoDeviceResult.class, List.of(r -> devices.reply((ChooseDuoDeviceResult) r)));
    mappers.put(DeviceListResult.class, List.of(r -> devices.devicesReply((DeviceListResult) r),
        r -> devices.enrollmentReply((DeviceListResult) r)));
    mappers.put(DuoCheckResult.class, List.of(r -> mfa.reply((DuoCheckResult) r)));
    mappers.put(ConfigureDuoResult.class, List.of(r -> mfa.reply((ConfigureDuoResult) r)));
    mappers.put(RevealEntryResult.class, List.of(r -> entries.reply((RevealEntryResult) r)));
  }

  @Test
  void everySealedResultOfPortInHasAMapper() throws Exception {
    assertThat(mappers.keySet()).containsExactlyInAnyOrderElementsOf(sealedInterfacesOfPortIn());
  }

  @Test
  void everyPermittedSubclassIsSampledAndMappedToItsStatus() {
    for (Map.Entry<Class<?>, List<Function<Object, RestReply>>> sealed : mappers.entrySet()) {
      Set<Class<?>> permitted = new HashSet<>(Arrays.asList(sealed.getKey().getPermittedSubclasses()));
      Set<Class<?>> sampled = samples.keySet().stream().map(Object::getClass)
          .filter(sealed.getKey()::isAssignableFrom).collect(Collectors.toSet());
      assertThat(sampled).as(sealed.getKey().getSimpleName()).isEqualTo(permitted);
      for (Object sample : samples.keySet()) {
        if (!sealed.getKey().isInstance(sample)) {
          continue;
        }
        for (Function<Object, RestReply> mapper : sealed.getValue()) {
          RestReply reply = mapper.apply(sample);
          assertThat(reply.status()).as(sample.getClass().getName()).isEqualTo(samples.get(sample));
          assertThat(reply.body()).as(sample.getClass().getName()).isNotNull();
          assertThat(reply.isProblem()).isEqualTo(reply.status() >= 400);
        }
      }
    }
  }

  /** Every case of the domain's sealed {@link SecretChange} comes from some body of an entry edit. */
  @Test
  void everySecretChangeIsReachableFromAnEditBody() {
    Map<String, Class<?>> bodies = Map.of(
        "{\"kind\":\"ssh\",\"host\":\"h\",\"version\":0}", SecretChange.Keep.class,
        "{\"kind\":\"ssh\",\"host\":\"h\",\"version\":0,\"secret\":{\"password\":\"pw\"}}",
        SecretChange.Replace.class,
        "{\"kind\":\"ssh\",\"host\":\"h\",\"version\":0,\"secret\":{\"privateKey\":\"key\"}}",
        SecretChange.Replace.class,
        "{\"kind\":\"ssh\",\"host\":\"h\",\"version\":0,\"secret\":null}", SecretChange.Clear.class);
    RestJson json = new RestJson();
    SessionCredentials session = new SessionCredentials(new UserName("alice"), new WorkspaceName("vault"),
        new SecretToken("BBBBBBBBBBBBBBBBBBBBBBBB"));
    Set<Class<?>> reached = new HashSet<>();
    bodies.forEach((body, expected) -> {
      EditEntryCommand command = json.read(body.getBytes(StandardCharsets.UTF_8), RestEditEntryRequest.class)
          .toCommand(session, new EntryName("web1"));
      assertThat(command.secret()).as(body).isInstanceOf(expected);
      reached.add(command.secret().getClass());
    });
    assertThat(reached).isEqualTo(Set.of(SecretChange.class.getPermittedSubclasses()));
  }

  /** Every kind of secret is answered by reveal in a field of its own, named as on every face. */
  @Test
  void everySecretKindIsRevealedUnderItsWireName() {
    RestJson json = new RestJson();
    for (SecretKind kind : SecretKind.values()) {
      RestRevealedEntry revealed = RestRevealedEntry.from(new RevealedEntry(new EntryName("web1"), Optional.empty(),
          EntrySecret.of(kind, "s3cret")));
      assertThat(new String(json.write(revealed), StandardCharsets.UTF_8)).as(kind.name())
          .isEqualTo("{\"entry\":\"web1\",\"" + kind.wireName() + "\":\"s3cret\"}");
      assertThat(revealed.toString()).doesNotContain("s3cret");
    }
  }

  /** The sealed interfaces among the classes of {@code application.port.in} and its sub-packages. */
  private static final String PORT_IN = "dev.gatehouse.application.port.in";

  private static Set<Class<?>> sealedInterfacesOfPortIn() throws Exception {
    URI location = UnlockResult.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    Path root = Path.of(location);
    String packagePath = PORT_IN.replace('.', '/');
    if (Files.isDirectory(root)) {
      return sealedIn(root.resolve(packagePath));
    }
    try (FileSystem jar = FileSystems.newFileSystem(root)) {
      return sealedIn(jar.getPath("/" + packagePath));
    }
  }

  private static Set<Class<?>> sealedIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      List<String> names = files.map(file -> directory.relativize(file).toString().replace('/', '.'))
          .filter(name -> name.endsWith(".class") && !name.contains("$"))
          .map(name -> name.substring(0, name.length() - ".class".length())).toList();
      // A scan that finds nothing, or misses the sub-packages, would prove nothing.
      assertThat(names).contains("challenge.UnlockResult", "entry.RevealedEntry", "session.Introspection");
      return names.stream().map(name -> load(PORT_IN + "." + name))
          .filter(type -> type.isInterface() && type.isSealed())
          .collect(Collectors.toSet());
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
