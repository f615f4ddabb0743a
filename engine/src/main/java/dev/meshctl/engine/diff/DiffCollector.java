package dev.meshctl.engine.diff;

import dev.meshctl.dsl.diag.Diagnostic;
import dev.meshctl.dsl.diag.Severity;
import dev.meshctl.engine.address.ResourceAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Gathers what the resource handlers find, then sorts it into a {@link MeshDiff}. */
public final class DiffCollector {
  /** What every irreversible problem tells the user to do. */
  public static final String IRREVERSIBLE_HINT =
      "this cannot be changed in place: replace the controller (terminate and relaunch) or change"
          + " the spec";

  private static final Comparator<Change> CHANGE_ORDER =
      Comparator.comparing(Change::address)
          .thenComparing(Change::action)
          .thenComparing(c -> c.liveId().orElse(""));

  private static final Comparator<Ignored> IGNORED_ORDER =
      Comparator.comparing(Ignored::address).thenComparing(Ignored::reason);

  private final List<Change> changes = new ArrayList<>();
  private final List<Ignored> ignored = new ArrayList<>();
  private final List<Diagnostic> problems = new ArrayList<>();
  private final SortedMap<String, String> unreadable = new TreeMap<>();
  private final List<Diagnostic> warnings = new ArrayList<>();

  public void change(Change c) {
    changes.add(c);
  }

  public void ignore(ResourceAddress address, String reason) {
    ignored.add(new Ignored(address, reason));
  }

  /** An irreversible difference: reported with guidance, never acted on. */
  public void irreversible(ResourceAddress address, String message) {
    problems.add(
        new Diagnostic(
            Severity.ERROR, message, Optional.empty(), address.toString(), Optional.of(IRREVERSIBLE_HINT)));
  }

  /** A spec problem only the live state shows (e.g. a peer ID beyond the license): blocks apply. */
  public void problem(ResourceAddress address, String message, String hint) {
    problems.add(new Diagnostic(Severity.ERROR, message, Optional.empty(), address.toString(), Optional.of(hint)));
  }

  /** Said prominently with the plan; does not block it. */
  public void warn(String path, String message, String hint) {
    warnings.add(new Diagnostic(Severity.WARNING, message, Optional.empty(), path, Optional.of(hint)));
  }

  /** The changes so far, for checks across controllers. */
  public List<Change> changes() {
    return List.copyOf(changes);
  }

  public void unreadable(String controller, String reason) {
    unreadable.put(controller, reason);
  }

  MeshDiff result() {
    changes.sort(CHANGE_ORDER);
    ignored.sort(IGNORED_ORDER);
    problems.sort(Diagnostic.ORDER);
    warnings.sort(Diagnostic.ORDER);
    return new MeshDiff(
        List.copyOf(changes), List.copyOf(ignored), List.copyOf(problems), unreadable, List.copyOf(warnings));
  }
}
