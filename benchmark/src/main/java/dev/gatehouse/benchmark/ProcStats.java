package dev.gatehouse.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Linux and the JDK tools say about a process: CPU time, threads, heap after a full GC. */
final class ProcStats {
  /** USER_HZ: {@code /proc/<pid>/stat} counts CPU time in these ticks (100 on every Linux we run). */
  private static final double TICKS_PER_SECOND = 100.0;
  private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private ProcStats() {}

  /** User + system CPU seconds of the process (and of its children it has reaped); 0 if it is gone. */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      // Fields after the command name in parentheses (which may contain spaces): state is field 3.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
      return ticks / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU seconds of a process and all its descendants (PostgreSQL: the postmaster and its backends). */
  static double treeCpuSeconds(long pid) {
    double total = cpuSeconds(pid);
    Optional<ProcessHandle> root = ProcessHandle.of(pid);
    if (root.isPresent()) {
      for (ProcessHandle h : (Iterable<ProcessHandle>) root.get().descendants()::iterator) {
        total += cpuSeconds(h.pid());
      }
    }
    return total;
  }

  /** Live threads of the process, from {@code /proc/<pid>/status}; -1 if unknown. */
  static int threads(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("Threads:")) {
          return Integer.parseInt(line.substring("Threads:".length()).strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return -1;
  }

  /** The 1-minute load average of the machine, from {@code /proc/loadavg}; "?" if unknown. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Open file descriptors of the process (sockets included), from {@code /proc/<pid>/fd}; -1 if unknown. */
  static int openFiles(long pid) {
    String[] fds = Path.of("/proc", Long.toString(pid), "fd").toFile().list();
    return fds == null ? -1 : fds.length;
  }

  /**
   * The process's established TCP connections to {@code port} on any address (its own sockets,
   * from {@code /proc/<pid>/fd}, matched to {@code /proc/<pid>/net/tcp[6]}); -1 if unknown. What
   * the peer cannot tell: a connection the process aborted is gone here even while the peer still
   * counts the request it carried.
   */
  static int connectionsTo(long pid, int port) {
    Path proc = Path.of("/proc", Long.toString(pid));
    Set<String> sockets = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            sockets.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor was closed while listing
        }
      }
      String remotePort = String.format(Locale.ROOT, ":%04X", port);
      int count = 0;
      for (String table : List.of("tcp", "tcp6")) {
        for (String line : Files.readAllLines(proc.resolve("net").resolve(table))) {
          String[] f = line.strip().split("\\s+");
          // sl local_address rem_address st ... inode: st 01 is ESTABLISHED
          if (f.length > 9 && f[2].endsWith(remotePort) && f[3].equals("01") && sockets.contains(f[9])) {
            count++;
          }
        }
      }
      return count;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The process's soft limit on open files, from {@code /proc/<pid>/limits}; "?" if unknown. */
  static String openFilesLimit(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
        if (line.startsWith("Max open files")) {
          return line.substring("Max open files".length()).strip().split("\\s+")[0];
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return "?";
  }

  /** Resident set size in MiB; -1 if unknown. */
  static long rssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return -1;
  }

  /** Heap used after a full GC, in MiB ({@code jcmd GC.run}, then {@code GC.heap_info}); -1 if jcmd failed. */
  static long heapAfterGcMib(long pid) {
    if (jcmd(pid, "GC.run").isEmpty()) {
      return -1;
    }
    return jcmd(pid, "GC.heap_info").map(text -> {
      Matcher m = HEAP_USED.matcher(text);
      return m.find() ? Long.parseLong(m.group(2)) / 1024 : -1L;
    }).orElse(-1L);
  }

  private static Optional<String> jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command)).redirectErrorStream(true)
          .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** A snapshot of CPU seconds of several named processes, to take differences over a window. */
  record Cpu(long nanos, List<Double> seconds) {
    static Cpu of(List<Long> pids, List<Boolean> trees) {
      List<Double> s = new ArrayList<>();
      for (int i = 0; i < pids.size(); i++) {
        s.add(trees.get(i) ? treeCpuSeconds(pids.get(i)) : cpuSeconds(pids.get(i)));
      }
      return new Cpu(System.nanoTime(), s);
    }

    /** Each process's share of one core between the two snapshots, in percent. */
    List<Double> percentSince(Cpu before) {
      double wall = (nanos - before.nanos) / 1e9;
      List<Double> out = new ArrayList<>();
      for (int i = 0; i < seconds.size(); i++) {
        out.add(100.0 * Math.max(0, seconds.get(i) - before.seconds.get(i)) / wall);
      }
      return out;
    }
  }
}
