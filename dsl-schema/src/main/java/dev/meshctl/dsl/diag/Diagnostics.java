package dev.meshctl.dsl.diag;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An immutable, sorted collection of diagnostics, as Terraform's {@code tfdiags.Diagnostics}: what
 * the loader, the engine and every command report, all at once, in {@link Diagnostic#ORDER}.
 *
 * <p>A {@link List} so code that reads diagnostics needs nothing new; it cannot be modified:
 * {@link #append} and {@link #merge} answer a new collection.
 */
public final class Diagnostics extends AbstractList<Diagnostic> {
  private static final Diagnostics EMPTY = new Diagnostics(List.of());

  private final List<Diagnostic> items;

  private Diagnostics(List<Diagnostic> sorted) {
    this.items = sorted;
  }

  public static Diagnostics empty() {
    return EMPTY;
  }

  public static Diagnostics of(Diagnostic... diagnostics) {
    return of(List.of(diagnostics));
  }

  /** The given diagnostics, sorted; {@code ds} may already be a {@code Diagnostics}. */
  public static Diagnostics of(Collection<Diagnostic> ds) {
    if (ds instanceof Diagnostics d) {
      return d;
    }
    return ds.isEmpty() ? EMPTY : new Diagnostics(ds.stream().sorted(Diagnostic.ORDER).toList());
  }

  /** This collection with {@code d} added, in order. */
  public Diagnostics append(Diagnostic d) {
    List<Diagnostic> all = new ArrayList<>(items);
    all.add(d);
    return of(all);
  }

  /** This collection with every one of {@code other} added, in order. */
  public Diagnostics merge(Collection<Diagnostic> other) {
    if (other.isEmpty()) {
      return this;
    }
    List<Diagnostic> all = new ArrayList<>(items);
    all.addAll(other);
    return of(all);
  }

  /** Whether any is an error: the command that collected them must not go on. */
  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  /** The number of errors. */
  public long errors() {
    return items.stream().filter(Diagnostic::isError).count();
  }

  /** The number of warnings. */
  public long warnings() {
    return items.size() - errors();
  }

  @Override
  public Diagnostic get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }
}
