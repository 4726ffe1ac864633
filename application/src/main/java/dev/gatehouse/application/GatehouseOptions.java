package dev.gatehouse.application;

import dev.gatehouse.domain.common.Require;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * How one Gatehouse process takes part in following Duo requests.
 *
 * @param node this process's name in challenge leases: unique among the processes sharing storage
 * @param maxPending how many pending pushes and calls this process follows at most; past it, new
 *     ones are refused with a retry hint instead of running the node out of memory
 * @param maxHeapShare how full the heap may be after a garbage collection (0 to 1) for this process
 *     to take on more pending pushes and calls; past it, new ones are refused the same way (the
 *     count limit cannot know what each waiting client costs)
 * @param leaseTtl how long a follow lease lasts unless renewed (renewed every third of it): how
 *     soon another process takes over the requests of one that died
 * @param takeOver whether this process takes over requests whose follower died (a server does; a
 *     short-lived command-line process follows only its own)
 */
public record GatehouseOptions(String node, int maxPending, double maxHeapShare, Duration leaseTtl,
    boolean takeOver) {
  public static final int DEFAULT_MAX_PENDING = 12_000;
  public static final double DEFAULT_MAX_HEAP_SHARE = 0.85;
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(10);

  public GatehouseOptions {
    Require.notNull("node", node);
    Require.inRange("maxPending", maxPending, 1, 1_000_000);
    if (!(maxHeapShare > 0 && maxHeapShare <= 1)) {
      throw new IllegalArgumentException("maxHeapShare must be above 0 and at most 1, was " + maxHeapShare);
    }
    Require.inRange("leaseTtl", leaseTtl, Duration.ofMillis(300), Duration.ofMinutes(5));
  }

  /** A server's options: a fresh node name, the default limits, taking over dead nodes' requests. */
  public static GatehouseOptions server() {
    return new GatehouseOptions(freshNodeName(), DEFAULT_MAX_PENDING, DEFAULT_MAX_HEAP_SHARE, DEFAULT_LEASE_TTL, true);
  }

  /** A short-lived process's options: follows only what it starts (or waits on) itself. */
  public static GatehouseOptions client() {
    return new GatehouseOptions(freshNodeName(), DEFAULT_MAX_PENDING, DEFAULT_MAX_HEAP_SHARE, DEFAULT_LEASE_TTL, false);
  }

  public GatehouseOptions withMaxPending(int value) {
    return new GatehouseOptions(node, value, maxHeapShare, leaseTtl, takeOver);
  }

  public GatehouseOptions withMaxHeapShare(double value) {
    return new GatehouseOptions(node, maxPending, value, leaseTtl, takeOver);
  }

  public GatehouseOptions withLeaseTtl(Duration value) {
    return new GatehouseOptions(node, maxPending, maxHeapShare, value, takeOver);
  }

  private static String freshNodeName() {
    String pid = String.valueOf(ProcessHandle.current().pid());
    String host = ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^\\d+@", "");
    return host + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8);
  }
}
