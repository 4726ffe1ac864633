package dev.gatehouse.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The markdown report: a title, tables in the order they were measured, then notes. */
final class Report {
  private String title = "Whole-stack run";
  private final List<String> sections = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  synchronized void title(String text) {
    title = text;
  }

  synchronized void table(String caption, List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder(caption).append(":\n\n");
    sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (String h : header) {
      sb.append(h.equals(header.get(0)) ? "---|" : "---:|");
    }
    sb.append('\n');
    for (List<String> row : rows) {
      sb.append("| ").append(String.join(" | ", row).replace("\n", " ")).append(" |\n");
    }
    sections.add(sb.toString());
  }

  synchronized void note(String text) {
    notes.add(text);
  }

  synchronized String render() {
    StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n");
    sections.forEach(s -> sb.append(s).append('\n'));
    notes.forEach(n -> sb.append("- ").append(n).append('\n'));
    return sb.toString();
  }
}
