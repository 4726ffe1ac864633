package dev.gatehouse.duosim;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bounded, in-memory record of every Auth API request, for assertions. */
final class RequestLog {

  /** A request being answered; filled in as processing goes on. */
  static final class Entry {
    final long sequence;
    final Instant receivedAt;
    final String method;
    final String path;
    final String host;
    final String userAgent;
    volatile Map<String, List<String>> params = Map.of();
    volatile String signatureVersion;
    volatile String integrationKey;
    volatile int status;
    volatile int errorCode;
    volatile String fault;

    Entry(long sequence, Instant receivedAt, String method, String path, String host, String userAgent) {
      this.sequence = sequence;
      this.receivedAt = receivedAt;
      this.method = method;
      this.path = path;
      this.host = host;
      this.userAgent = userAgent;
    }

    LoggedRequest snapshot() {
      return new LoggedRequest(sequence, receivedAt, method, path, host, userAgent, params, signatureVersion,
          integrationKey, status, errorCode, fault);
    }
  }

  private static final int CAPACITY = 50_000;

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long next = 1;

  synchronized Entry start(Instant at, String method, String path, String host, String userAgent) {
    Entry e = new Entry(next++, at, method, path, host, userAgent);
    entries.addLast(e);
    if (entries.size() > CAPACITY) {
      entries.removeFirst();
    }
    return e;
  }

  synchronized List<LoggedRequest> snapshot() {
    List<LoggedRequest> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(e.snapshot());
    }
    return out;
  }

  synchronized void clear() {
    entries.clear();
  }

  static Map<String, List<String>> copy(Map<String, List<String>> params) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }
}
