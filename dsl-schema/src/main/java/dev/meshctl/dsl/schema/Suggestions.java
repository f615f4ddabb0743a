package dev.meshctl.dsl.schema;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for misspelt keys, enum values and names: the closest candidate by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code word}, if it is close enough to be a likely typo: at most a
   * third of the word's length in edits (at least 2), compared case-insensitively.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    int limit = Math.max(2, word.length() / 3);
    String w = word.toLowerCase(java.util.Locale.ROOT);
    return candidates.stream()
        .filter(c -> !c.equals(word))
        .map(c -> new Scored(c, distance(w, c.toLowerCase(java.util.Locale.ROOT))))
        .filter(s -> s.distance <= limit)
        .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
        .map(Scored::candidate);
  }

  /** The hint text for {@link #closest}, e.g. {@code did you mean 'subnet'?}. */
  public static Optional<String> didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "did you mean '" + c + "'?");
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }

  private record Scored(String candidate, int distance) {}
}
