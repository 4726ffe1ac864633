package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.Require;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where a request comes from, when known: passed to Duo for policy and shown in push requests. */
public record ClientContext(Optional<String> ipAddress, Optional<String> hostname) {
  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");

  public static final ClientContext UNKNOWN = new ClientContext(Optional.empty(), Optional.empty());

  public ClientContext {
    Require.notNull("ipAddress", ipAddress).ifPresent(ip -> Require.matches("ipAddress", ip, IP, "an IPv4 or IPv6 address"));
    Require.notNull("hostname", hostname).ifPresent(host -> Require.matches("hostname", host, HOST, "a host name"));
  }

  public static ClientContext of(String ipAddress, String hostname) {
    return new ClientContext(Optional.ofNullable(ipAddress).filter(s -> !s.isBlank()),
        Optional.ofNullable(hostname).filter(s -> !s.isBlank()));
  }
}
