package dev.gatehouse.duosim;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * The bounded, in-memory record of every Auth API request, for assertions, and a count of every
 * request by path since the simulator started (kept when the record is cleared or overflows).
 */
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
  private static final int MAX_COUNTED_PATHS = 64;

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final Map<String, Long> counts = new TreeMap<>();
  private long next = 1;

  synchronized Entry start(Instant at, String method, String path, String host, String userAgent) {
    Entry e = new Entry(next++, at, method, path, host, userAgent);
    entries.addLast(e);
    // Any client may send any path: past a few dozen distinct ones the rest count together.
    counts.merge(counts.containsKey(path) || counts.size() < MAX_COUNTED_PATHS ? path : "(other)", 1L, Long::sum);
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

  /** How many requests each path received since the start, by path. */
  synchronized Map<String, Long> counts() {
    return Map.copyOf(counts);
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
