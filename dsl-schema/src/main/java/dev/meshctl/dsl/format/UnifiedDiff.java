package dev.meshctl.dsl.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts ({@code diff -u} layout, three lines of context), for
 * {@code meshctl fmt --diff}. Pure; specs are small, so a longest-common-subsequence table is
 * fast enough, and a very large pair falls back to replacing the whole text.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final long MAX_CELLS = 16_000_000L;

  private UnifiedDiff() {}

  /** The diff from {@code before} to {@code after}, labelled with {@code name}; empty when equal. */
  public static String of(String name, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Edit> edits = edits(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(name).append('\n').append("+++ ").append(name).append(" (formatted)\n");
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // Extend the hunk while the next change is within two contexts of the last one.
      int lastChange = i;
      while (end < edits.size() && end - lastChange <= 2 * CONTEXT) {
        if (edits.get(end).op != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(edits.size(), lastChange + CONTEXT + 1);
      hunk(out, edits.subList(start, end));
      i = end;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<Edit> hunk) {
    int aStart = hunk.get(0).aLine;
    int bStart = hunk.get(0).bLine;
    int aLen = (int) hunk.stream().filter(e -> e.op != '+').count();
    int bLen = (int) hunk.stream().filter(e -> e.op != '-').count();
    out.append("@@ -").append(range(aStart, aLen)).append(" +").append(range(bStart, bLen)).append(" @@\n");
    for (Edit e : hunk) {
      out.append(e.op).append(e.text).append('\n');
    }
  }

  private static String range(int start, int len) {
    return len == 0 ? (start - 1) + ",0" : start + "," + len;
  }

  /** One line of the diff: its operation, text and 1-based line numbers in each text. */
  private record Edit(char op, String text, int aLine, int bLine) {}

  private static List<Edit> edits(List<String> a, List<String> b) {
    List<Edit> out = new ArrayList<>();
    if ((long) a.size() * b.size() > MAX_CELLS) {
      a.forEach(l -> out.add(new Edit('-', l, out.size() + 1, 1)));
      for (int j = 0; j < b.size(); j++) {
        out.add(new Edit('+', b.get(j), a.size() + 1, j + 1));
      }
      return out;
    }
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.add(new Edit(' ', a.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add(new Edit('-', a.get(i), i + 1, j + 1));
        i++;
      } else {
        out.add(new Edit('+', b.get(j), i + 1, j + 1));
        j++;
      }
    }
    return out;
  }

  private static List<String> lines(String text) {
    String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return t.isEmpty() ? List.of() : List.of(t.split("\n", -1));
  }
}
