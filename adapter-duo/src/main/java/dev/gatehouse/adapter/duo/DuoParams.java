package dev.gatehouse.adapter.duo;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The decoded parameters of one Duo POST, one value per name, sorted by name. */
final class DuoParams {
  private final TreeMap<String, String> values = new TreeMap<>();

  static DuoParams of() {
    return new DuoParams();
  }

  DuoParams with(String name, String value) {
    values.put(name, value);
    return this;
  }

  DuoParams with(String name, Optional<String> value) {
    value.ifPresent(v -> values.put(name, v));
    return this;
  }

  SortedMap<String, String> values() {
    return Collections.unmodifiableSortedMap(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  static DuoParams copyOf(Map<String, String> values) {
    DuoParams params = new DuoParams();
    params.values.putAll(values);
    return params;
  }

  @Override
  public String toString() {
    // Never print values: passcodes travel in here.
    return "DuoParams" + values.keySet();
  }
}
