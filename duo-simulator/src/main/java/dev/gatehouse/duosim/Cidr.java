package dev.gatehouse.duosim;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR notation, parsed without any name lookup. */
record Cidr(byte[] network, int prefix) {

  static Cidr parse(String cidr) {
    String[] parts = cidr.trim().split("/", 2);
    byte[] address = literal(parts[0]);
    if (address == null) {
      throw new IllegalArgumentException("not an IP network: " + cidr);
    }
    int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
    if (prefix < 0 || prefix > address.length * 8) {
      throw new IllegalArgumentException("bad prefix length: " + cidr);
    }
    return new Cidr(address, prefix);
  }

  boolean contains(String ip) {
    byte[] address = ip == null ? null : literal(ip.trim());
    if (address == null || address.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >> (bit % 8);
      if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of an IP literal, or null when the text is not one (never resolves names). */
  static byte[] literal(String text) {
    if (text.isEmpty() || !text.matches("[0-9A-Fa-f:.]+")) {
      return null;
    }
    if (!text.contains(":") && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return null;
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
