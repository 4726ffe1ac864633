package dev.gatehouse.duosim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A device's mutable state: remaining SMS and token passcodes, the last SMS batch, its push inbox. */
final class DeviceState {

  final Scenario.Device config;
  final List<String> smsRemaining = new ArrayList<>();
  List<String> lastSmsBatch = List.of();
  final Set<String> tokenPasscodes = new LinkedHashSet<>();
  final List<PushNotification> inbox = new ArrayList<>();

  DeviceState(Scenario.Device config) {
    this.config = config;
    smsRemaining.addAll(config.smsPasscodes());
    lastSmsBatch = List.copyOf(config.smsPasscodes());
    tokenPasscodes.addAll(config.passcodes());
  }

  /** The first digit of the next valid SMS passcode, or null when none is outstanding. */
  String smsNextcode() {
    return smsRemaining.isEmpty() ? null : smsRemaining.get(0).substring(0, 1);
  }

  /** Sends a fresh batch: passcode i starts with digit i (1..9, then 0), as Duo's batches do. */
  List<String> sendSmsBatch(int size) {
    List<String> batch = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      batch.add((i % 10) + Ids.digits(6));
    }
    smsRemaining.clear();
    smsRemaining.addAll(batch);
    lastSmsBatch = List.copyOf(batch);
    return batch;
  }

  /** Uses an SMS passcode; it and every earlier one of the batch become invalid. */
  boolean useSmsPasscode(String code) {
    int index = smsRemaining.indexOf(code);
    if (index < 0) {
      return false;
    }
    smsRemaining.subList(0, index + 1).clear();
    return true;
  }
}
