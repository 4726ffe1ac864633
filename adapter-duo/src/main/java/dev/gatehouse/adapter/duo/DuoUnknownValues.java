package dev.gatehouse.adapter.duo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes {@code result} and {@code status} values Duo sends that Gatehouse does not know (Duo
 * documents that these lists may grow): each distinct value is logged once per process, with how
 * it was treated. Only the value itself is logged, never a status message (it may carry a
 * Verified Duo Push code).
 */
final class DuoUnknownValues {
  private static final Logger LOG = LoggerFactory.getLogger(DuoUnknownValues.class);
  /** What a value must look like to be logged as it is; anything else is logged by its length only. */
  private static final Pattern PRINTABLE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
  /** Bounds the memory an unusual Duo can make this take. */
  private static final int MAX_REMEMBERED = 256;
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private DuoUnknownValues() {}

  /**
   * Reports an unknown value of {@code field} in the answer to {@code endpoint}; true the first
   * time this value is seen (when it is logged).
   */
  static boolean report(String endpoint, String field, String value, String treatedAs) {
    String shown = value == null ? "(none)"
        : PRINTABLE.matcher(value).matches() ? value : "(" + value.length() + " unprintable characters)";
    String key = endpoint + "/" + field + "/" + shown;
    if (SEEN.size() >= MAX_REMEMBERED || !SEEN.add(key)) {
      return false;
    }
    LOG.warn("Duo answered {} with a {} Gatehouse does not know: '{}'; treated as {} (logged once)",
        endpoint, field, shown, treatedAs);
    return true;
  }
}
