package dev.gatehouse.duosim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gatehouse.duosim.Scenario.Device;
import dev.gatehouse.duosim.Scenario.Integration;
import dev.gatehouse.duosim.Scenario.Outcome;
import dev.gatehouse.duosim.Scenario.Reaction;
import dev.gatehouse.duosim.Scenario.User;
import dev.gatehouse.duosim.Scenario.UserStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A scenario file's JSON, bound by Jackson to records that mirror it key for key, then turned into
 * a {@link Scenario}. Every mistake is one {@link IllegalArgumentException} line that names the key
 * and where it is ({@code unknown key 'pasccodes' in users[0].devices[1] (known: ...)}).
 */
final class ScenarioFile {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ScenarioFile() {}

  /** The whole file. */
  record ScenarioJson(String apiHostname, List<IntegrationJson> integrations, List<UserJson> users,
      List<String> trustedNetworks, Long dateWindowSeconds, Long pushTimeoutSeconds, Long longPollCapSeconds,
      Long rememberDevicesSeconds, Integer lockoutThreshold, Integer smsBatchSize, UnknownUsers unknownUsers,
      Set<Integer> signatureVersions, JsonNode logo) {

    Scenario toScenario() {
      Scenario.Builder b = Scenario.builder().apiHostname(apiHostname);
      for (int i = 0; i < each(integrations).size(); i++) {
        IntegrationJson integration = integrations.get(i);
        b.integration(located("integrations[" + i + "]", integration::toIntegration));
      }
      for (int i = 0; i < each(users).size(); i++) {
        UserJson user = users.get(i);
        b.user(located("users[" + i + "]", user::toUser));
      }
      each(trustedNetworks).forEach(b::trustedNetwork);
      if (dateWindowSeconds != null) {
        b.dateWindowSeconds(dateWindowSeconds);
      }
      if (pushTimeoutSeconds != null) {
        b.pushTimeoutSeconds(pushTimeoutSeconds);
      }
      if (longPollCapSeconds != null) {
        b.longPollCapSeconds(longPollCapSeconds);
      }
      if (rememberDevicesSeconds != null) {
        b.rememberDevicesSeconds(rememberDevicesSeconds);
      }
      if (lockoutThreshold != null) {
        b.lockoutThreshold(lockoutThreshold);
      }
      if (smsBatchSize != null) {
        b.smsBatchSize(smsBatchSize);
      }
      if (unknownUsers != null) {
        b.enrollUnknownUsers(unknownUsers == UnknownUsers.ENROLL);
      }
      if (signatureVersions != null) {
        b.signatureVersions(signatureVersions);
      }
      if (logo != null && !logo.isNull()) {
        b.logo(logo(logo));
      }
      return b.build();
    }

    /** {@code true} for the built-in PNG, {@code false} for none, or the PNG in base64. */
    private static byte[] logo(JsonNode logo) {
      if (logo.isBoolean()) {
        return logo.booleanValue() ? Logo.DEFAULT_PNG : null;
      }
      if (!logo.isTextual()) {
        throw new IllegalArgumentException("logo must be true, false or a base64 PNG");
      }
      try {
        return Base64.getDecoder().decode(logo.textValue());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("logo must be true, false or a base64 PNG");
      }
    }
  }

  /** What preauth answers for a username the scenario does not know. */
  enum UnknownUsers { ENROLL, DENY }

  record IntegrationJson(String integrationKey, String secretKey, String type, Boolean requireVerifiedPush) {
    Integration toIntegration() {
      return new Integration(integrationKey, secretKey, type, Boolean.TRUE.equals(requireVerifiedPush));
    }
  }

  record UserJson(String username, String userId, UserStatus status, String statusMessage, List<DeviceJson> devices,
      List<String> passcodes, List<String> staticPasscodes, List<String> bypassCodes, Boolean requireVerifiedPush) {
    User toUser() {
      List<Device> bound = new ArrayList<>();
      for (DeviceJson device : each(devices)) {
        int index = bound.size();
        bound.add(located("devices[" + index + "]", () -> device.toDevice(username, index)));
      }
      return new User(username, userId, status, statusMessage, bound, passcodes, staticPasscodes, bypassCodes,
          Boolean.TRUE.equals(requireVerifiedPush));
    }
  }

  record DeviceJson(String id, String type, String number, String name, String displayName,
      List<String> capabilities, ReactionJson push, ReactionJson phone, List<String> passcodes,
      List<String> smsPasscodes) {
    /** Without an id, one derived from the user and the device's place, stable across runs. */
    Device toDevice(String username, int index) {
      String kind = type == null ? "phone" : type;
      String deviceId = id != null ? id
          : Ids.derived(kind.equals("token") ? "DH" : "DP", username + "/" + index + "/" + kind);
      return new Device(deviceId, type, number, name, displayName, capabilities, reaction(push), reaction(phone),
          passcodes, smsPasscodes);
    }

    private static Reaction reaction(ReactionJson json) {
      if (json == null) {
        return null;
      }
      if (json.afterMs() < 0) {
        throw new IllegalArgumentException("afterMs must not be negative");
      }
      return new Reaction(json.outcome(), Duration.ofMillis(json.afterMs()));
    }
  }

  /** {@code {"outcome": "deny", "afterMs": 250}}, or just {@code "deny"} for at once. */
  record ReactionJson(Outcome outcome, long afterMs) {
    // Checked once bound (Reaction's own checks): Jackson reports unknown keys only after this runs.
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    ReactionJson {}

    /** The short form, a bare outcome (Jackson's creator for a JSON string). */
    @JsonCreator
    static ReactionJson of(String text) {
      return new ReactionJson(enumValue(Outcome.class, text, "outcome"), 0);
    }
  }

  /** A check of Scenario's own records failed at {@code path} (e.g. {@code users[0].devices[1]}). */
  private static final class Located extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String problem;

    Located(String path, String problem) {
      super(path + ": " + problem);
      this.path = path;
      this.problem = problem;
    }
  }

  /** Builds a part of the scenario, naming where it is if one of its checks fails. */
  private static <T> T located(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (Located inner) {
      throw new Located(path + "." + inner.path, inner.problem);
    } catch (IllegalArgumentException e) {
      throw new Located(path, oneLine(e.getMessage()));
    }
  }

  /** Parses a whole scenario. */
  static Scenario parse(String json) {
    JsonNode root = tree(json);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("scenario must be a JSON object");
    }
    return bind(root, ScenarioJson.class, "scenario").toScenario();
  }

  /** One user, as the control API receives it. */
  static User user(JsonNode json) {
    return bind(json, UserJson.class, "user").toUser();
  }

  /** One device of {@code username}'s, the {@code index}th, as the control API receives it. */
  static Device device(JsonNode json, String username, int index) {
    return bind(json, DeviceJson.class, "device").toDevice(username, index);
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("scenario is not valid JSON" + at(e.getLocation()) + ": "
          + syntax(e.getOriginalMessage()));
    }
  }

  private static <T> T bind(JsonNode json, Class<T> type, String what) {
    try {
      return MAPPER.treeToValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e, what));
    } catch (IllegalArgumentException e) {
      // A check in a record outside Jackson's reach (Scenario's own records).
      throw new IllegalArgumentException(oneLine(e.getMessage()));
    }
  }

  /** {@code value} as one of {@code type}'s constants, in any case. */
  static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.strip())) {
        return constant;
      }
    }
    throw new IllegalArgumentException("unknown " + field + " '" + value + "'" + oneOf(type));
  }

  private static String oneOf(Class<?> type) {
    return " (one of: " + Arrays.stream(type.getEnumConstants())
        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")";
  }

  /** One line naming what is wrong and where, in the file's own terms (never Java type names). */
  static String describe(JsonProcessingException e, String what) {
    List<JsonMappingException.Reference> path = e instanceof JsonMappingException mapping ? mapping.getPath() : List.of();
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key '" + unknown.getPropertyName() + "' in " + where(path.subList(0, path.size() - 1), what)
          + known(unknown.getKnownPropertyIds());
    }
    String field = path.isEmpty() ? what : where(path, what);
    if (e instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      String name = path.isEmpty() || path.get(path.size() - 1).getFieldName() == null
          ? field : path.get(path.size() - 1).getFieldName();
      return "unknown " + name + " '" + format.getValue() + "' at " + field + oneOf(format.getTargetType());
    }
    Throwable cause = rootCause(e);
    if (cause instanceof IllegalArgumentException invalid) {
      return (path.isEmpty() ? "" : field + ": ") + oneLine(invalid.getMessage());
    }
    if (e instanceof MismatchedInputException mismatch) {
      return field + " must be " + expected(mismatch.getTargetType());
    }
    return field + ": " + oneLine(e.getOriginalMessage());
  }

  private static String where(List<JsonMappingException.Reference> path, String what) {
    if (path.isEmpty()) {
      return what;
    }
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String known(Collection<Object> keys) {
    if (keys == null || keys.isEmpty()) {
      return "";
    }
    Set<String> sorted = new TreeSet<>();
    keys.forEach(k -> sorted.add(String.valueOf(k)));
    return " (known: " + String.join(", ", sorted) + ")";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "something else";
    }
    if (type.isRecord() || type == JsonNode.class) {
      return "a JSON object";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a whole number";
    }
    return "something else";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** Jackson's syntax message without its source description and Java names. */
  private static String syntax(String message) {
    String text = oneLine(message);
    if (text.startsWith("Trailing token")) {
      return "more than one JSON value";
    }
    int source = text.indexOf(" (for ");
    return source < 0 ? text : text.substring(0, source);
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  private static <T> List<T> each(List<T> values) {
    return values == null ? List.of() : values;
  }
}
