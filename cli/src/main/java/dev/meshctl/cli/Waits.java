package dev.meshctl.cli;

import dev.meshctl.engine.client.ClientOptions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code --waits} option of apply and reconcile: how clients wait for reboots and keysets. */
final class Waits {
  private Waits() {}

  /** vns3 (the vendor's waits) or simulated (fast polls), in any case; empty for anything else. */
  static Optional<ClientOptions> clientOptions(String waits) {
    return switch (waits.toLowerCase(Locale.ROOT)) {
      case "vns3" -> Optional.of(ClientOptions.DEFAULT);
      case "simulated" -> Optional.of(ClientOptions.SIMULATED);
      default -> Optional.empty();
    };
  }

  /** The values shell completion offers for {@code --waits}. */
  static final class Candidates extends java.util.ArrayList<String> {
    Candidates() {
      super(List.of("vns3", "simulated"));
    }
  }

  /** The error for a value {@link #clientOptions} refuses. */
  static String invalid(String waits) {
    return "--waits must be vns3 or simulated, not '" + waits + "'";
  }
}
