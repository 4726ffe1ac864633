package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Duo's parameter encoding edge cases (duo-auth-api.md §3.3) and the v5 JSON body. */
class DuoCanonicalTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "\" \"|%20",
      "~|~",
      "*|%2A",
      "+|%2B",
      "/|%2F",
      "=|%3D",
      "&|%26",
      "%|%25",
      "!'()|%21%27%28%29",
      "AZaz09-_.|AZaz09-_.",
      "\u00fc|%C3%BC",
      "\u2603|%E2%98%83",
      "\ud83d\ude00|%F0%9F%98%80",
      "a b~c*d+e/f=g&h|a%20b~c%2Ad%2Be%2Ff%3Dg%26h"})
  void encodesLikeDuo(String raw, String encoded) {
    assertThat(DuoCanonical.encode(raw)).isEqualTo(encoded);
  }

  @Test
  void usesUpperCaseHexOnly() {
    assertThat(DuoCanonical.encode("\u00ff\u00fe\u00ab")).isEqualTo("%C3%BF%C3%BE%C2%AB");
  }

  @Test
  void sortsByEncodedNameThenEncodedValue() {
    List<Map.Entry<String, String>> pairs = List.of(
        Map.entry("b", "2"), Map.entry("a", "z"), Map.entry("a", "y"), Map.entry("A", "1"), Map.entry("a b", "1"));

    assertThat(DuoCanonical.params(pairs)).isEqualTo("A=1&a=y&a=z&a%20b=1&b=2");
  }

  @Test
  void hasAnEmptyLineForNoParams() {
    assertThat(DuoCanonical.params(Map.of())).isEmpty();
  }

  @Test
  void decodesFormAndQueryStringsAsAServerWould() {
    assertThat(DuoCanonical.decodePairs("a=x+y&b=%C3%BC%2B&c=&d&e=100%"))
        .containsExactly(Map.entry("a", "x y"), Map.entry("b", "\u00fc+"), Map.entry("c", ""),
            Map.entry("d", ""), Map.entry("e", "100%"));
  }

  @Test
  void roundTripsSeededRandomStrings() {
    Random random = new Random(20240607L);
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        int kind = random.nextInt(4);
        int codePoint = switch (kind) {
          case 0 -> 0x20 + random.nextInt(0x5f);
          case 1 -> 0xa0 + random.nextInt(0x700);
          case 2 -> 0x2000 + random.nextInt(0x2000);
          default -> 0x1f300 + random.nextInt(0x200);
        };
        s.appendCodePoint(codePoint);
      }
      String value = s.toString();
      String encoded = DuoCanonical.encode(value);

      assertThat(encoded).matches("[A-Za-z0-9\\-_.~%]*");
      assertThat(DuoCanonical.decode(encoded, true)).isEqualTo(value);
    }
  }

  @Test
  void writesJsonLikePythonsJsonDumps() {
    TreeMap<String, String> params = new TreeMap<>(Map.of(
        "b", "quote\" back\\ nl\n tab\t cr\r",
        "a", "\u00fc\u2603\ud83d\ude00",
        "c", "ctl\u0001\u001f del\u007f",
        "d", "a~b*c+d/e=f&g h!'()"));

    assertThat(DuoBodyEncoder.json(params)).isEqualTo(
        "{\"a\":\"\\u00fc\\u2603\\ud83d\\ude00\","
            + "\"b\":\"quote\\\" back\\\\ nl\\n tab\\t cr\\r\","
            + "\"c\":\"ctl\\u0001\\u001f del\\u007f\","
            + "\"d\":\"a~b*c+d/e=f&g h!'()\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x"})
  void writesAnObjectEvenWithoutParams(String name) {
    TreeMap<String, String> params = new TreeMap<>();
    if (!name.isEmpty()) {
      params.put(name, "");
    }
    assertThat(DuoBodyEncoder.json(params)).isEqualTo(name.isEmpty() ? "{}" : "{\"x\":\"\"}");
  }
}
