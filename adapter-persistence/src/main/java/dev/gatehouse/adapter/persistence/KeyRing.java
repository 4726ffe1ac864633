package dev.gatehouse.adapter.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The current master key (which seals every new value) and older ones kept to open old rows. */
final class KeyRing {
  private final MasterKey current;
  private final Map<String, MasterKey> byId = new LinkedHashMap<>();

  KeyRing(MasterKey current, List<MasterKey> previous) {
    this.current = current;
    byId.put(current.id(), current);
    previous.forEach(k -> byId.putIfAbsent(k.id(), k));
  }

  static KeyRing of(MasterKey current) {
    return new KeyRing(current, List.of());
  }

  MasterKey current() {
    return current;
  }

  Optional<MasterKey> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Set<String> ids() {
    return byId.keySet();
  }

  /** Every key, the current one first, as the key file lists them. */
  List<MasterKey> keys() {
    return List.copyOf(byId.values());
  }

  /** The ring after a rotation: the new key seals, every key of this ring still opens. */
  KeyRing rotatedTo(MasterKey next) {
    return new KeyRing(next, new ArrayList<>(byId.values()));
  }
}
