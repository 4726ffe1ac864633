package dev.gatehouse.duosim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A user's mutable state inside a running simulator; guarded by the owning {@link SimState}. */
final class UserState {

  final String username;
  final String userId;
  Scenario.UserStatus status;
  String statusMessage;
  final List<DeviceState> devices = new ArrayList<>();
  final Set<String> passcodes = new LinkedHashSet<>();
  final Set<String> staticPasscodes = new LinkedHashSet<>();
  final Set<String> bypassCodes = new LinkedHashSet<>();
  int failedAttempts;
  /** The user's policy requires Verified Duo Push (for clients that support it). */
  boolean requireVerifiedPush;

  UserState(Scenario.User user) {
    this.username = user.username();
    this.userId = user.userId();
    this.status = user.status();
    this.statusMessage = user.statusMessage();
    this.requireVerifiedPush = user.requireVerifiedPush();
    user.devices().forEach(d -> devices.add(new DeviceState(d)));
    passcodes.addAll(user.passcodes());
    staticPasscodes.addAll(user.staticPasscodes());
    bypassCodes.addAll(user.bypassCodes());
  }

  DeviceState device(String id) {
    for (DeviceState d : devices) {
      if (d.config.id().equals(id)) {
        return d;
      }
    }
    return null;
  }
}
