package dev.gatehouse.duosim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The active injected faults, consumed as requests arrive. */
final class Faults {

  /** What to do with one request: an added delay, then optionally a failure instead of the answer. */
  record Plan(Duration delay, Fault failure) {}

  private static final class Active {
    final Fault fault;
    int remaining;

    Active(Fault fault) {
      this.fault = fault;
      this.remaining = fault.times();
    }
  }

  private final List<Active> active = new ArrayList<>();

  synchronized void add(Fault fault) {
    active.add(new Active(fault));
  }

  synchronized void clear() {
    active.clear();
  }

  synchronized List<Fault> list() {
    List<Fault> out = new ArrayList<>();
    for (Active a : active) {
      Fault f = a.fault;
      out.add(new Fault(f.endpoint(), f.kind(), a.remaining, f.httpStatus(), f.retryAfterSeconds(), f.latency()));
    }
    return out;
  }

  /** Consumes the faults that apply to one request to {@code endpoint} (e.g. {@code preauth}). */
  synchronized Plan take(String endpoint) {
    Duration delay = Duration.ZERO;
    Fault failure = null;
    for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
      Active a = it.next();
      if (!a.fault.endpoint().equals("*") && !a.fault.endpoint().equals(endpoint)) {
        continue;
      }
      if (a.fault.kind() == Fault.Kind.LATENCY) {
        delay = delay.plus(a.fault.latency());
      } else if (failure == null) {
        failure = a.fault;
      } else {
        continue;
      }
      if (a.remaining > 0 && --a.remaining == 0) {
        it.remove();
      }
    }
    return new Plan(delay, failure);
  }
}
