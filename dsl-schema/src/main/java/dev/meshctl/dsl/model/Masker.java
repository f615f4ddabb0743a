package dev.meshctl.dsl.model;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks secret values in text, as CI systems mask their secrets: every value a spec resolved from
 * {@code ${env:...}} or {@code ${file:...}}, every secret field (API passwords and tokens, the
 * keyset token) and the license text is registered here, and everything meshctl writes (standard
 * output and error, plan files, imported specs, reconcile logs and metrics) passes through {@link
 * #mask} first. {@link Secret} keeps values out of messages; this catches a value that reached text
 * anyway: a secret in a non-secret field, or a controller echoing one back.
 *
 * <p>Values shorter than {@value #MIN_LENGTH} characters are not masked: masking {@code 1400} or
 * {@code api} would blank ordinary words and numbers all over the output (CI systems skip short
 * values for the same reason). Thread-safe: reconcile registers a reloaded spec while lines are
 * written.
 */
public final class Masker {
  /** The shortest value that is masked. */
  public static final int MIN_LENGTH = 6;

  private final Set<String> values = ConcurrentHashMap.newKeySet();
  private volatile List<String> longestFirst = List.of();

  /** Registers {@code value}, each of its lines and the forms JSON and YAML quoting give it. */
  public void register(String value) {
    if (value == null) {
      return;
    }
    boolean added = false;
    for (String form : forms(value)) {
      if (form.length() >= MIN_LENGTH) {
        added |= values.add(form);
      }
    }
    if (added) {
      synchronized (this) {
        // Longest first: a secret containing another is replaced whole.
        longestFirst = values.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s)).toList();
      }
    }
  }

  /** Registers every value of {@code secrets}. */
  public void registerAll(Iterable<String> secrets) {
    secrets.forEach(this::register);
  }

  /** {@code text} with every registered value replaced by {@value Secret#REDACTED}. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : longestFirst) {
      if (out.contains(s)) {
        out = out.replace(s, Secret.REDACTED);
      }
    }
    return out;
  }

  /** Whether nothing is registered (so masking changes no text). */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * The forms a value takes in output: as it is, stripped, line by line (a license quoted in part),
   * escaped inside a JSON or YAML double-quoted string, and inside a YAML single-quoted one.
   */
  private static List<String> forms(String value) {
    String stripped = value.strip();
    java.util.ArrayList<String> forms = new java.util.ArrayList<>(List.of(value, stripped));
    if (stripped.contains("\n") || stripped.contains("\r")) {
      stripped.lines().map(String::strip).forEach(forms::add);
    }
    forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(stripped)));
    forms.add(stripped.replace("'", "''"));
    forms.add(stripped.replace("\"", "\\\""));
    return forms;
  }
}
