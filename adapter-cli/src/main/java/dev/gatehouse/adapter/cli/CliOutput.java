package dev.gatehouse.adapter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Standard output of one command: text lines and aligned tables, or JSON with {@code --json}. */
final class CliOutput {
  private final PrintStream out;
  private final boolean json;
  private final CliStyle style;

  CliOutput(PrintStream out, boolean json, CliStyle style) {
    this.out = out;
    this.json = json;
    this.style = style;
  }

  boolean isJson() {
    return json;
  }

  CliStyle style() {
    return style;
  }

  PrintStream stream() {
    return out;
  }

  /** A line of human output; nothing in JSON mode. */
  void line(String text) {
    if (!json) {
      out.println(text);
    }
  }

  void json(Object value) {
    try {
      out.println(Mapper.INSTANCE.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Columns padded to their widest cell, two spaces apart; the header in bold on a terminal. */
  void table(List<String> headers, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(headers);
    all.addAll(rows);
    print(all, true);
  }

  /** Label and value pairs, the values aligned. */
  void fields(List<List<String>> rows) {
    print(rows, false);
  }

  private void print(List<List<String>> all, boolean header) {
    if (json || all.isEmpty()) {
      return;
    }
    int[] widths = new int[all.stream().mapToInt(List::size).max().orElse(0)];
    for (List<String> row : all) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], width(cell(row, i)));
      }
    }
    for (int r = 0; r < all.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = cell(all.get(r), i);
        boolean last = i == widths.length - 1;
        line.append(header && r == 0 ? style.bold(cell) : cell);
        if (!last) {
          line.append(" ".repeat(widths[i] - width(cell) + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String cell(List<String> row, int index) {
    String value = index < row.size() ? row.get(index) : "";
    return value == null ? "" : value;
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Built on first use, so that commands without --json never load Jackson. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper();
  }
}
