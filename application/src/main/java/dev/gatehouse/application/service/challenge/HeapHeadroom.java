package dev.gatehouse.application.service.challenge;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * How full this JVM's heap is, judged on what the last garbage collection of each heap pool left
 * (so garbage about to be collected never counts): the share of the maximum heap still in use then.
 * Lets a node refuse new pending Duo requests before it runs out of memory (issue 15).
 */
final class HeapHeadroom {
  private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
      .toList();

  private HeapHeadroom() {}

  /** The share (0 to 1) of the maximum heap in use after the last collections; 0 before any. */
  static double usedShare() {
    long used = 0;
    for (MemoryPoolMXBean pool : HEAP) {
      MemoryUsage afterCollection = pool.getCollectionUsage();
      used += afterCollection == null ? 0 : afterCollection.getUsed();
    }
    return used / (double) Runtime.getRuntime().maxMemory();
  }
}
