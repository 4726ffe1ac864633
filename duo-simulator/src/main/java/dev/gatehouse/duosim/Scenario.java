package dev.gatehouse.duosim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The world a simulator starts with: integrations, users and their devices, and server policy. */
public final class Scenario {

  /** A user's account state; it decides the preauth result. */
  public enum UserStatus {
    /** Preauth {@code auth} (or {@code enroll} when the user has no device). */
    ACTIVE,
    /** Preauth {@code allow}; /auth allows with status {@code bypass}. */
    BYPASS,
    /** Preauth {@code deny}; /auth denies with status {@code locked_out}. */
    LOCKED_OUT,
    /** Preauth {@code deny}; /auth denies. */
    DISABLED,
    /** Preauth {@code enroll} with an {@code enroll_portal_url}. */
    NOT_ENROLLED
  }

  /** How the person holding a device answers a push or a phone call. */
  public enum Outcome {
    APPROVE, DENY, FRAUD, TIMEOUT, LOCKED_OUT,
    /** Nothing happens until a control call resolves it, or the push times out. */
    WAIT
  }

  /** An outcome and how long after the push or call it happens. */
  public record Reaction(Outcome outcome, Duration after) {
    public Reaction {
      if (outcome == null) {
        throw new IllegalArgumentException("outcome is required");
      }
      after = after == null ? Duration.ZERO : after;
    }

    public static Reaction approveAfter(Duration after) {
      return new Reaction(Outcome.APPROVE, after);
    }

    public static Reaction denyAfter(Duration after) {
      return new Reaction(Outcome.DENY, after);
    }

    public static Reaction waitForControl() {
      return new Reaction(Outcome.WAIT, Duration.ZERO);
    }
  }

  /**
   * An integration (application) known to the simulator; only type {@code auth_api} may call the
   * Auth API. With {@code requireVerifiedPush} its policy requires Verified Duo Push for everyone.
   */
  public record Integration(String integrationKey, String secretKey, String type, boolean requireVerifiedPush) {
    public Integration {
      require(integrationKey, "integrationKey");
      require(secretKey, "secretKey");
      type = type == null || type.isBlank() ? AUTH_API : type.toLowerCase(Locale.ROOT);
    }

    public Integration(String integrationKey, String secretKey, String type) {
      this(integrationKey, secretKey, type, false);
    }

    /** The same integration with the "Require Verified Duo Push" policy on. */
    public Integration withVerifiedPush() {
      return new Integration(integrationKey, secretKey, type, true);
    }

    public boolean isAuthApi() {
      return AUTH_API.equals(type);
    }

    /** A fresh Auth API integration with random keys. */
    public static Integration randomAuthApi() {
      return new Integration(Ids.random("DI", 20, false), Ids.random("", 40, true), AUTH_API);
    }

    @Override
    public String toString() {
      return "Integration[" + integrationKey + ", " + type + (requireVerifiedPush ? ", verified push" : "")
          + ", secretKey redacted]";
    }
  }

  /** A phone or hardware token registered to a user. */
  public record Device(
      String id,
      String type,
      String number,
      String name,
      String displayName,
      List<String> capabilities,
      Reaction push,
      Reaction phone,
      List<String> passcodes,
      List<String> smsPasscodes) {
    public Device {
      require(id, "device id");
      type = type == null ? "phone" : type;
      if (!type.equals("phone") && !type.equals("token")) {
        throw new IllegalArgumentException("device type must be phone or token: " + type);
      }
      number = number == null ? "" : number;
      name = name == null ? "" : name;
      capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
      for (String c : capabilities) {
        if (!CAPABILITIES.contains(c)) {
          throw new IllegalArgumentException("unknown capability " + c);
        }
      }
      if (displayName == null) {
        displayName = type.equals("token") ? name : (number.isEmpty() ? name : (name + " (" + number + ")").strip());
      }
      push = push == null ? Reaction.approveAfter(Duration.ofSeconds(1)) : push;
      phone = phone == null ? push : phone;
      passcodes = passcodes == null ? List.of() : List.copyOf(passcodes);
      smsPasscodes = smsPasscodes == null ? List.of() : List.copyOf(smsPasscodes);
    }

    public boolean can(String capability) {
      return capabilities.contains(capability);
    }

    /** A phone with the given capabilities; edit further with the record's wither-style copy. */
    public static Device phone(String id, String number, String name, String... capabilities) {
      return new Device(id, "phone", number, name, null, List.of(capabilities), null, null, null, null);
    }

    /** A hardware token: no capabilities, only passcodes. */
    public static Device token(String id, String serial, String... passcodes) {
      return new Device(id, "token", "", serial, null, List.of(), null, null, List.of(passcodes), null);
    }

    public Device withPush(Reaction reaction) {
      return new Device(id, type, number, name, displayName, capabilities, reaction, phone, passcodes, smsPasscodes);
    }

    public Device withPhone(Reaction reaction) {
      return new Device(id, type, number, name, displayName, capabilities, push, reaction, passcodes, smsPasscodes);
    }

    public Device withSmsPasscodes(String... codes) {
      return new Device(id, type, number, name, displayName, capabilities, push, phone, passcodes, List.of(codes));
    }
  }

  /**
   * A Duo user: identity, state, devices and the codes that let them in. With
   * {@code requireVerifiedPush} the user's policy requires Verified Duo Push: a client that sends
   * {@code client_supports_verified_push=1} gets a preauth {@code txid} and pushes with a code; one
   * that does not send it has the policy bypassed, as Duo documents.
   */
  public record User(
      String username,
      String userId,
      UserStatus status,
      String statusMessage,
      List<Device> devices,
      List<String> passcodes,
      List<String> staticPasscodes,
      List<String> bypassCodes,
      boolean requireVerifiedPush) {
    public User {
      require(username, "username");
      userId = userId == null || userId.isBlank() ? Ids.derived("DU", "user/" + username) : userId;
      status = status == null ? UserStatus.ACTIVE : status;
      devices = devices == null ? List.of() : List.copyOf(devices);
      passcodes = passcodes == null ? List.of() : List.copyOf(passcodes);
      staticPasscodes = staticPasscodes == null ? List.of() : List.copyOf(staticPasscodes);
      bypassCodes = bypassCodes == null ? List.of() : List.copyOf(bypassCodes);
    }

    public User(String username, String userId, UserStatus status, String statusMessage, List<Device> devices,
        List<String> passcodes, List<String> staticPasscodes, List<String> bypassCodes) {
      this(username, userId, status, statusMessage, devices, passcodes, staticPasscodes, bypassCodes, false);
    }

    public static User active(String username, Device... devices) {
      return new User(username, null, UserStatus.ACTIVE, null, List.of(devices), null, null, null);
    }

    public static User withStatus(String username, UserStatus status) {
      return new User(username, null, status, null, null, null, null, null);
    }

    /** One-time passcodes (consumed on use). */
    public User withPasscodes(String... codes) {
      return new User(username, userId, status, statusMessage, devices, List.of(codes), staticPasscodes, bypassCodes,
          requireVerifiedPush);
    }

    /** Passcodes that stay valid after use (handy for demos). */
    public User withStaticPasscodes(String... codes) {
      return new User(username, userId, status, statusMessage, devices, passcodes, List.of(codes), bypassCodes,
          requireVerifiedPush);
    }

    /** One-time bypass codes. */
    public User withBypassCodes(String... codes) {
      return new User(username, userId, status, statusMessage, devices, passcodes, staticPasscodes, List.of(codes),
          requireVerifiedPush);
    }

    public User withStatusMessage(String message) {
      return new User(username, userId, status, message, devices, passcodes, staticPasscodes, bypassCodes,
          requireVerifiedPush);
    }

    /** The same user with the "Require Verified Duo Push" policy on. */
    public User withVerifiedPush() {
      return new User(username, userId, status, statusMessage, devices, passcodes, staticPasscodes, bypassCodes,
          true);
    }
  }

  static final String AUTH_API = "auth_api";
  static final Set<String> CAPABILITIES = Set.of("auto", "push", "sms", "phone", "mobile_otp");

  private final String apiHostname;
  private final List<Integration> integrations;
  private final List<User> users;
  private final List<String> trustedNetworks;
  private final long dateWindowSeconds;
  private final long pushTimeoutSeconds;
  private final long longPollCapSeconds;
  private final long rememberDevicesSeconds;
  private final int lockoutThreshold;
  private final int smsBatchSize;
  private final boolean enrollUnknownUsers;
  private final Set<Integer> signatureVersions;
  private final byte[] logoPng;

  private Scenario(Builder b) {
    this.apiHostname = b.apiHostname;
    this.integrations = List.copyOf(b.integrations.isEmpty() ? List.of(Integration.randomAuthApi()) : b.integrations);
    this.users = List.copyOf(b.users);
    this.trustedNetworks = List.copyOf(b.trustedNetworks);
    this.dateWindowSeconds = b.dateWindowSeconds;
    this.pushTimeoutSeconds = b.pushTimeoutSeconds;
    this.longPollCapSeconds = b.longPollCapSeconds;
    this.rememberDevicesSeconds = b.rememberDevicesSeconds;
    this.lockoutThreshold = b.lockoutThreshold;
    this.smsBatchSize = b.smsBatchSize;
    this.enrollUnknownUsers = b.enrollUnknownUsers;
    this.signatureVersions = Set.copyOf(b.signatureVersions);
    this.logoPng = b.logoPng == null ? null : b.logoPng.clone();
    for (String network : trustedNetworks) {
      Cidr.parse(network);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The demo world: alice (push approved after about a second, passcode 123456), bob (pushes
   * denied), carol (locked out), dave (not enrolled) and erin (bypass).
   */
  public static Scenario defaultScenario() {
    return defaultBuilder().build();
  }

  /** The demo world of {@link #defaultScenario()} as a builder, to change a setting before building. */
  public static Builder defaultBuilder() {
    Device alicePhone = Device.phone(Ids.derived("DP", "alice/phone"), "XXX-XXX-0101", "Alice's iPhone",
        "auto", "push", "sms", "phone", "mobile_otp");
    Device bobPhone = Device.phone(Ids.derived("DP", "bob/phone"), "XXX-XXX-0202", "Bob's Android",
        "auto", "push", "sms", "phone", "mobile_otp").withPush(Reaction.denyAfter(Duration.ofSeconds(1)));
    Device carolPhone = Device.phone(Ids.derived("DP", "carol/phone"), "XXX-XXX-0303", "Carol's iPhone",
        "auto", "push", "phone");
    return builder()
        .user(User.active("alice", alicePhone).withStaticPasscodes("123456"))
        .user(User.active("bob", bobPhone))
        .user(new User("carol", null, UserStatus.LOCKED_OUT, null, List.of(carolPhone), null, null, null))
        .user(User.withStatus("dave", UserStatus.NOT_ENROLLED))
        .user(User.withStatus("erin", UserStatus.BYPASS))
        .logo(Logo.DEFAULT_PNG);
  }

  /**
   * Reads a scenario file (format in {@link #fromJson(String)}); throws
   * {@link UncheckedIOException} when it cannot be read.
   */
  public static Scenario fromFile(Path file) {
    try {
      return fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a scenario from JSON whose keys are this class's record components and builder
   * settings ({@code unknownUsers}: {@code enroll} or {@code deny}; {@code logo}: {@code true} or
   * a base64 PNG; a reaction: {@code {"outcome": "deny", "afterMs": 250}} or just {@code "deny"}).
   * Unknown keys and bad values are rejected with one line that names them, so typos never pass
   * silently.
   */
  public static Scenario fromJson(String json) {
    return ScenarioFile.parse(json);
  }

  /** One user as the control API receives it, in the scenario file's format. */
  static User parseUser(JsonNode json) {
    return ScenarioFile.user(json);
  }

  /** One device of {@code username}'s, the {@code index}th, in the scenario file's format. */
  static Device parseDevice(JsonNode json, String username, int index) {
    return ScenarioFile.device(json, username, index);
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }

  /** The hostname clients sign with besides the Host header (null: only the Host header). */
  public String apiHostname() {
    return apiHostname;
  }

  public List<Integration> integrations() {
    return integrations;
  }

  /** The first Auth API integration, the one a client normally uses. */
  public Integration authApiIntegration() {
    return integrations.stream().filter(Integration::isAuthApi).findFirst()
        .orElseThrow(() -> new IllegalStateException("scenario has no auth_api integration"));
  }

  public List<User> users() {
    return users;
  }

  public List<String> trustedNetworks() {
    return trustedNetworks;
  }

  public long dateWindowSeconds() {
    return dateWindowSeconds;
  }

  public long pushTimeoutSeconds() {
    return pushTimeoutSeconds;
  }

  public long longPollCapSeconds() {
    return longPollCapSeconds;
  }

  public long rememberDevicesSeconds() {
    return rememberDevicesSeconds;
  }

  public int lockoutThreshold() {
    return lockoutThreshold;
  }

  public int smsBatchSize() {
    return smsBatchSize;
  }

  public boolean enrollUnknownUsers() {
    return enrollUnknownUsers;
  }

  public Set<Integer> signatureVersions() {
    return signatureVersions;
  }

  byte[] logoPng() {
    return logoPng == null ? null : logoPng.clone();
  }

  /** Builds a {@link Scenario}; every setting has the default documented on its setter. */
  public static final class Builder {
    private String apiHostname;
    private final List<Integration> integrations = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<String> trustedNetworks = new ArrayList<>();
    private long dateWindowSeconds = 300;
    private long pushTimeoutSeconds = 60;
    private long longPollCapSeconds = 0;
    private long rememberDevicesSeconds = 0;
    private int lockoutThreshold = 0;
    private int smsBatchSize = 10;
    private boolean enrollUnknownUsers = true;
    private Set<Integer> signatureVersions = Set.of(1, 2, 4, 5);
    private byte[] logoPng;

    private Builder() {}

    /** An extra hostname clients may sign with (default: only the received Host header, with or without port). */
    public Builder apiHostname(String hostname) {
      this.apiHostname = hostname;
      return this;
    }

    /** Adds an integration; without any, one random Auth API integration is created. */
    public Builder integration(Integration integration) {
      integrations.add(integration);
      return this;
    }

    public Builder integration(String integrationKey, String secretKey) {
      return integration(new Integration(integrationKey, secretKey, AUTH_API));
    }

    public Builder user(User user) {
      users.add(user);
      return this;
    }

    /** A CIDR (e.g. {@code 10.0.0.0/8}) from which preauth answers {@code allow} for active users. */
    public Builder trustedNetwork(String cidr) {
      trustedNetworks.add(cidr);
      return this;
    }

    /** Allowed clock difference of signed requests (default 300 s). */
    public Builder dateWindowSeconds(long seconds) {
      this.dateWindowSeconds = seconds;
      return this;
    }

    /** After this long an unanswered push or call ends with {@code timeout} (default 60 s; 0 never). */
    public Builder pushTimeoutSeconds(long seconds) {
      this.pushTimeoutSeconds = seconds;
      return this;
    }

    /** Longest hold of an auth_status long poll before it answers the unchanged state (default 0: no cap). */
    public Builder longPollCapSeconds(long seconds) {
      this.longPollCapSeconds = seconds;
      return this;
    }

    /** When positive, an allow carries a {@code trusted_device_token} valid for this long (default 0: off). */
    public Builder rememberDevicesSeconds(long seconds) {
      this.rememberDevicesSeconds = seconds;
      return this;
    }

    /** Consecutive failed authentications that lock a user out (default 0: never). */
    public Builder lockoutThreshold(int attempts) {
      this.lockoutThreshold = attempts;
      return this;
    }

    /** Passcodes per SMS batch (default 10). */
    public Builder smsBatchSize(int size) {
      if (size < 1 || size > 10) {
        throw new IllegalArgumentException("smsBatchSize must be 1..10");
      }
      this.smsBatchSize = size;
      return this;
    }

    /** Whether preauth for an unknown username answers {@code enroll} (default) or {@code deny}. */
    public Builder enrollUnknownUsers(boolean enroll) {
      this.enrollUnknownUsers = enroll;
      return this;
    }

    /** Accepted signature versions among 1, 2, 4, 5 (default all). */
    public Builder signatureVersions(Set<Integer> versions) {
      this.signatureVersions = Set.copyOf(versions);
      return this;
    }

    /** The PNG served by /auth/v2/logo (default none: 404). */
    public Builder logo(byte[] png) {
      this.logoPng = png == null ? null : png.clone();
      return this;
    }

    public Scenario build() {
      return new Scenario(this);
    }
  }
}
