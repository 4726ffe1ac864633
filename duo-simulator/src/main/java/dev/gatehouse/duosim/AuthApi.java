package dev.gatehouse.duosim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Auth API v2 endpoints behind signature verification: what each answers, with Duo's envelopes. */
final class AuthApi {

  /** A Duo error answer ({@code stat: FAIL}). */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final int code;
    final String detail;

    ApiError(int status, int code, String message, String detail) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
      this.detail = detail;
    }

    static ApiError missing(String param) {
      return new ApiError(400, 40001, "Missing required request parameters", param);
    }

    static ApiError invalid(String detail) {
      return new ApiError(400, 40002, "Invalid request parameters", detail);
    }
  }

  private static final Pattern FACTOR_NAME = Pattern.compile("(push|phone|voice|sms|smsrefresh)(\\d+)");

  private final SimState state;
  private final Supplier<String> publicHost;

  AuthApi(SimState state, Supplier<String> publicHost) {
    this.state = state;
    this.publicHost = publicHost;
  }

  /** Answers one verified request of {@code integration} (an Auth API integration). */
  void handle(String endpoint, Scenario.Integration integration, Map<String, List<String>> params, Reply reply) {
    try {
      switch (endpoint) {
        case "check":
          reply.ok(Map.of("time", state.clock.now().getEpochSecond()));
          break;
        case "logo":
          logo(reply);
          break;
        case "enroll":
          reply.ok(enroll(params));
          break;
        case "enroll_status":
          reply.ok(enrollStatus(params));
          break;
        case "preauth":
          reply.ok(preauth(params, integration));
          break;
        case "auth":
          auth(params, reply);
          break;
        case "auth_status":
          authStatus(params, reply);
          break;
        default:
          reply.fail(404, 40401, "Resource not found", null);
      }
    } catch (ApiError e) {
      reply.fail(e.status, e.code, e.getMessage(), e.detail);
    }
  }

  private static String param(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String required(Map<String, List<String>> params, String name) {
    String value = param(params, name);
    if (value == null || value.isEmpty()) {
      throw ApiError.missing(name);
    }
    return value;
  }

  private static boolean flag(Map<String, List<String>> params, String name) {
    String v = param(params, name);
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  // ---- logo, enroll

  private void logo(Reply reply) {
    byte[] png = state.scenario.logoPng();
    if (png == null) {
      throw new ApiError(404, 40401, "Resource not found", null);
    }
    reply.send(200, "image/png", png, Map.of());
  }

  private Map<String, Object> enroll(Map<String, List<String>> params) {
    String username = param(params, "username");
    long validSecs = 86400;
    String valid = param(params, "valid_secs");
    if (valid != null) {
      try {
        validSecs = Long.parseLong(valid);
      } catch (NumberFormatException e) {
        throw ApiError.invalid("valid_secs");
      }
      if (validSecs <= 0) {
        throw ApiError.invalid("valid_secs");
      }
    }
    String token = Ids.random("", 20, true);
    String activationCode = "duo://" + token + "-" + Ids.random("", 24, true);
    long expires = state.clock.now().getEpochSecond() + validSecs;
    UserState user;
    synchronized (state) {
      if (username == null || username.isEmpty()) {
        username = Ids.hex(16);
      } else if (state.userByName(username) != null) {
        throw ApiError.invalid("username");
      }
      state.putUser(Scenario.User.withStatus(username, Scenario.UserStatus.NOT_ENROLLED));
      user = state.userByName(username);
      state.addEnrollment(new SimState.Enrollment(activationCode, user.userId, expires * 1000));
    }
    String host = publicHost.get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("activation_barcode",
        "https://" + host + "/frame/qr?value=" + URLEncoder.encode(activationCode, StandardCharsets.UTF_8));
    out.put("activation_code", activationCode);
    out.put("activation_url", "https://" + host + "/activate/" + token);
    out.put("expiration", expires);
    out.put("user_id", user.userId);
    out.put("username", user.username);
    return out;
  }

  private String enrollStatus(Map<String, List<String>> params) {
    String userId = required(params, "user_id");
    String code = required(params, "activation_code");
    synchronized (state) {
      SimState.Enrollment e = state.enrollment(code);
      if (e == null || !e.userId.equals(userId)) {
        return "invalid";
      }
      if (e.activated) {
        return "success";
      }
      return e.expiresAtMillis <= state.clock.millis() ? "invalid" : "waiting";
    }
  }

  // ---- preauth

  /** Resolves exactly one of username/user_id; null for an unknown username when {@code unknownOk}. */
  private UserState identify(Map<String, List<String>> params, boolean unknownOk) {
    String username = param(params, "username");
    String userId = param(params, "user_id");
    if (username != null && userId != null) {
      throw ApiError.invalid("username");
    }
    if (username == null && userId == null) {
      throw ApiError.missing("username");
    }
    if (userId != null) {
      UserState user = state.userById(userId);
      if (user == null) {
        throw ApiError.invalid("user_id");
      }
      return user;
    }
    if (username.isEmpty()) {
      throw ApiError.invalid("username");
    }
    UserState user = state.userByName(username);
    if (user == null && !unknownOk) {
      throw ApiError.invalid("username");
    }
    return user;
  }

  private Map<String, Object> preauth(Map<String, List<String>> params, Scenario.Integration integration) {
    UserState user = identify(params, true);
    boolean textPrompt = flag(params, "text_prompt");
    Map<String, Object> out = new LinkedHashMap<>();
    synchronized (state) {
      String name = user == null ? param(params, "username") : user.username;
      if (user == null) {
        if (state.scenario.enrollUnknownUsers()) {
          enrollResult(out, name, null, textPrompt);
        } else {
          out.put("result", "deny");
          out.put("status_msg", "Unknown user. Access denied.");
        }
        return out;
      }
      switch (user.status) {
        case BYPASS:
          out.put("result", "allow");
          out.put("status_msg", message(user, "Allowing access for bypass user."));
          return out;
        case LOCKED_OUT:
          out.put("result", "deny");
          out.put("status_msg", message(user, "Your account is locked out."));
          return out;
        case DISABLED:
          out.put("result", "deny");
          out.put("status_msg", message(user, "Your account is disabled."));
          return out;
        case NOT_ENROLLED:
          enrollResult(out, name, user.statusMessage, textPrompt);
          return out;
        default:
          break;
      }
      if (user.devices.isEmpty()) {
        enrollResult(out, name, user.statusMessage, textPrompt);
        return out;
      }
      if (state.inTrustedNetwork(param(params, "ipaddr"))) {
        out.put("result", "allow");
        out.put("status_msg", "Allowing access from a trusted network.");
        return out;
      }
      if (state.trustedTokenValid(param(params, "trusted_device_token"), user.userId)) {
        out.put("result", "allow");
        out.put("status_msg", "Remembered device. Logging you in...");
        return out;
      }
      out.put("result", "auth");
      out.put("status_msg", message(user, "Account is active"));
      List<Map<String, Object>> devices = new ArrayList<>();
      for (DeviceState d : user.devices) {
        devices.add(deviceJson(d));
      }
      out.put("devices", devices);
      if (textPrompt) {
        out.put("prompt", prompt(user));
      }
      // Only a client that can show the code is asked for it; for any other client Duo bypasses
      // the "Require Verified Duo Push" policy and its pushes are plain ones.
      if (flag(params, "client_supports_verified_push") && state.requiresVerifiedPush(user, integration)) {
        out.put("txid", state.issueVerifiedPushTicket(user.userId));
      }
      return out;
    }
  }

  private static String message(UserState user, String fallback) {
    return user.statusMessage != null ? user.statusMessage : fallback;
  }

  private void enrollResult(Map<String, Object> out, String username, String message, boolean textPrompt) {
    String url = "https://" + publicHost.get() + "/portal?code=" + Ids.hex(8) + "&akey=" + Ids.random("DA", 20, false);
    out.put("enroll_portal_url", url);
    out.put("result", "enroll");
    out.put("status_msg", message != null ? message : "Enroll an authentication device to proceed");
    if (textPrompt) {
      out.put("prompt", Map.of("text", "Please enroll at " + url, "factors", Map.of()));
    }
  }

  private static Map<String, Object> deviceJson(DeviceState state) {
    Scenario.Device d = state.config;
    Map<String, Object> out = new LinkedHashMap<>();
    if (d.type().equals("token")) {
      out.put("device", d.id());
      out.put("name", d.name());
      out.put("type", "token");
      return out;
    }
    out.put("capabilities", d.capabilities());
    out.put("device", d.id());
    out.put("display_name", d.displayName());
    out.put("name", d.name());
    out.put("number", d.number());
    String next = state.smsNextcode();
    if (next != null && d.can("sms")) {
      out.put("sms_nextcode", next);
    }
    out.put("type", "phone");
    return out;
  }

  /** The undocumented {@code text_prompt=1} menu used by duo_unix ≥ 2.2 and libduo. */
  private static Map<String, Object> prompt(UserState user) {
    StringBuilder text = new StringBuilder("Duo login for " + user.username + "\n\nChoose or lose:\n\n");
    Map<String, String> factors = new LinkedHashMap<>();
    int option = 0;
    for (int i = 0; i < user.devices.size(); i++) {
      Scenario.Device d = user.devices.get(i).config;
      String label = d.number().isEmpty() ? d.displayName() : d.number();
      int n = i + 1;
      if (d.can("push")) {
        option = addOption(text, factors, option, "push" + n, "Duo Push to " + label);
      }
      if (d.can("phone")) {
        option = addOption(text, factors, option, "phone" + n, "Phone call to " + label);
      }
      if (d.can("sms")) {
        option = addOption(text, factors, option, "sms" + n, "SMS passcodes to " + label);
      }
    }
    text.append("\nPasscode or option (1-").append(option).append("): ");
    Map<String, String> withDefault = new LinkedHashMap<>();
    if (!factors.isEmpty()) {
      withDefault.put("default", factors.values().iterator().next());
    }
    withDefault.putAll(factors);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("text", text.toString());
    out.put("factors", withDefault);
    return out;
  }

  private static int addOption(StringBuilder text, Map<String, String> factors, int option, String name, String label) {
    int n = option + 1;
    text.append("  ").append(n).append(". ").append(label).append('\n');
    factors.put(Integer.toString(n), name);
    return n;
  }

  // ---- auth

  private void auth(Map<String, List<String>> params, Reply reply) {
    String factor = required(params, "factor");
    UserState user = identify(params, false);
    boolean async = flag(params, "async");
    Transaction tx;
    synchronized (state) {
      String device = param(params, "device");
      String passcode = null;
      if (factor.equals("prompt")) {
        String choice = required(params, "prompt");
        Map<String, Object> menu = user.devices.isEmpty() ? Map.of() : prompt(user);
        @SuppressWarnings("unchecked")
        Map<String, String> factors = (Map<String, String>) menu.getOrDefault("factors", Map.of());
        String name = factors.getOrDefault(choice, choice);
        Matcher m = FACTOR_NAME.matcher(name);
        if (m.matches()) {
          int index = Integer.parseInt(m.group(2)) - 1;
          if (index < 0 || index >= user.devices.size()) {
            throw ApiError.invalid("prompt");
          }
          device = user.devices.get(index).config.id();
          factor = switch (m.group(1)) {
            case "voice", "phone" -> "phone";
            case "sms", "smsrefresh" -> "sms";
            default -> "push";
          };
        } else {
          factor = "passcode";
          passcode = choice;
        }
      } else if (factor.equals("passcode")) {
        passcode = required(params, "passcode");
      } else if (!List.of("auto", "push", "phone", "sms").contains(factor)) {
        throw ApiError.invalid("factor");
      }
      tx = startTransaction(user, factor, device, passcode, params);
    }
    state.addTransaction(tx);
    if (async) {
      reply.ok(Map.of("txid", tx.txid));
      return;
    }
    Transaction.Event done = tx.terminalOrPark(new SyncAuth(reply));
    if (done != null) {
      reply.ok(authBody(tx, done));
    }
  }

  private Transaction startTransaction(
      UserState user, String factor, String deviceParam, String passcode, Map<String, List<String>> params) {
    long now = state.clock.millis();
    String txid = UUID.randomUUID().toString();
    switch (user.status) {
      case BYPASS:
        return immediate(txid, user, factor, new Transaction.Event("allow", "bypass", "Allowing access for bypass user."));
      case LOCKED_OUT:
        return immediate(txid, user, factor, SimState.lockedOut());
      case DISABLED:
        return immediate(txid, user, factor, new Transaction.Event("deny", "deny", "Your account is disabled."));
      case NOT_ENROLLED:
        return immediate(txid, user, factor, new Transaction.Event("deny", "deny", "Enroll an authentication device to proceed."));
      default:
        break;
    }
    if (factor.equals("passcode")) {
      return immediate(txid, user, factor, checkPasscode(user, passcode));
    }
    DeviceState device = resolveDevice(user, factor, deviceParam);
    if (factor.equals("auto")) {
      factor = device.config.can("push") ? "push" : "phone";
    }
    String preauthTxid = param(params, "txid");
    if (preauthTxid != null && !factor.equals("push")) {
      throw ApiError.invalid("txid");
    }
    if (factor.equals("sms")) {
      device.sendSmsBatch(state.scenario.smsBatchSize());
      return immediate(txid, user, "sms", new Transaction.Event("deny", "sent", "New SMS passcodes sent."));
    }
    boolean push = factor.equals("push");
    String code = null;
    if (preauthTxid != null) {
      // A Verified Duo Push continues the transaction preauth announced, under its txid.
      if (!state.redeemVerifiedPushTicket(preauthTxid, user.userId) || state.transaction(preauthTxid) != null) {
        throw ApiError.invalid("txid");
      }
      txid = preauthTxid;
      code = Ids.digits(3);
    }
    Transaction tx = new Transaction(txid, user.username, factor, device.config.id(), now,
        code != null ? Transaction.verifiedPushed(code) : push ? Transaction.PUSHED : Transaction.CALLING, code);
    device.inbox.add(new PushNotification(txid, device.config.id(), user.username, factor, state.clock.now(),
        param(params, "type"), param(params, "display_username"), param(params, "pushinfo"),
        FormCodec.decode(param(params, "pushinfo"))));
    Scenario.Reaction reaction = push ? device.config.push() : device.config.phone();
    long timeout = state.pushTimeout().toMillis();
    if (reaction.outcome() == Scenario.Outcome.WAIT) {
      if (timeout > 0) {
        tx.planStep(new Transaction.Step(now + timeout, false, Scenario.Outcome.TIMEOUT));
      }
    } else {
      long after = reaction.after().toMillis();
      if (reaction.outcome() == Scenario.Outcome.TIMEOUT && after == 0) {
        after = timeout;
      }
      if (!push && reaction.outcome() != Scenario.Outcome.TIMEOUT) {
        tx.planStep(new Transaction.Step(now + after / 2, true, null));
      }
      tx.planStep(new Transaction.Step(now + after, false, reaction.outcome()));
    }
    return tx;
  }

  private Transaction immediate(String txid, UserState user, String factor, Transaction.Event event) {
    Transaction tx = new Transaction(txid, user.username, factor, null, state.clock.millis(), event);
    if (event.result().equals("allow")) {
      tx.trustedDeviceToken(state.issueTrustedToken(user.userId));
    }
    return tx;
  }

  private DeviceState resolveDevice(UserState user, String factor, String deviceParam) {
    List<String> needs = switch (factor) {
      case "auto" -> List.of("push", "phone");
      case "push" -> List.of("push");
      case "phone" -> List.of("phone");
      default -> List.of("sms");
    };
    if (deviceParam == null || deviceParam.isEmpty() || deviceParam.equals("auto")) {
      for (String capability : needs) {
        for (DeviceState d : user.devices) {
          if (d.config.can(capability)) {
            return d;
          }
        }
      }
      throw ApiError.invalid("no capable device");
    }
    DeviceState d = user.device(deviceParam);
    if (d == null) {
      throw ApiError.invalid("device");
    }
    if (needs.stream().noneMatch(d.config::can)) {
      throw ApiError.invalid("no capable device");
    }
    return d;
  }

  private Transaction.Event checkPasscode(UserState user, String passcode) {
    boolean ok = user.staticPasscodes.contains(passcode)
        || user.passcodes.remove(passcode)
        || user.bypassCodes.remove(passcode);
    for (DeviceState d : user.devices) {
      if (ok) {
        break;
      }
      ok = d.tokenPasscodes.remove(passcode) || d.useSmsPasscode(passcode);
    }
    if (ok) {
      user.failedAttempts = 0;
      return new Transaction.Event("allow", "allow", "Success. Logging you in...");
    }
    return state.failure(user, new Transaction.Event("deny", "deny", "Incorrect passcode. Please try again."));
  }

  private static Map<String, Object> authBody(Transaction tx, Transaction.Event event) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", event.result());
    out.put("status", event.status());
    out.put("status_msg", event.statusMessage());
    if (event.result().equals("allow") && tx.trustedDeviceToken() != null) {
      out.put("trusted_device_token", tx.trustedDeviceToken());
    }
    return out;
  }

  // ---- auth_status

  private void authStatus(Map<String, List<String>> params, Reply reply) {
    String txid = required(params, "txid");
    Transaction tx = state.transaction(txid);
    if (tx == null) {
      throw ApiError.invalid("txid");
    }
    long cap = state.scenario.longPollCapSeconds();
    long capAt = cap > 0 ? state.clock.millis() + cap * 1000 : Long.MAX_VALUE;
    Transaction.Event event = tx.pollOrPark(new StatusPoll(reply, capAt));
    if (event != null) {
      reply.ok(statusBody(tx, event));
    }
  }

  private static Map<String, Object> statusBody(Transaction tx, Transaction.Event event) {
    Map<String, Object> out = authBody(tx, event);
    out.put("auth_delayed", false);
    return out;
  }

  private static final class StatusPoll implements Transaction.Waiter {
    private final Reply reply;
    private final long capAt;

    StatusPoll(Reply reply, long capAt) {
      this.reply = reply;
      this.capAt = capAt;
    }

    @Override
    public boolean wantsOnlyTerminal() {
      return false;
    }

    @Override
    public long capAtMillis() {
      return capAt;
    }

    @Override
    public void answer(Transaction tx, Transaction.Event event) {
      Map<String, Object> body = statusBody(tx, event);
      reply.later(() -> reply.ok(body));
    }
  }

  private static final class SyncAuth implements Transaction.Waiter {
    private final Reply reply;

    SyncAuth(Reply reply) {
      this.reply = reply;
    }

    @Override
    public boolean wantsOnlyTerminal() {
      return true;
    }

    @Override
    public long capAtMillis() {
      return Long.MAX_VALUE;
    }

    @Override
    public void answer(Transaction tx, Transaction.Event event) {
      Map<String, Object> body = authBody(tx, event);
      reply.later(() -> reply.ok(body));
    }
  }

}
