package dev.meshctl.engine.client;

/**
 * Carries a {@link Vns3Error} through a failed {@code Future}. Its message is the error's message;
 * it has no stack trace because the error already says where it happened.
 */
public final class Vns3Exception extends RuntimeException {
  private final transient Vns3Error error;

  public Vns3Exception(Vns3Error error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public Vns3Error error() {
    return error;
  }

  /** The {@link Vns3Error} inside {@code t}, if {@code t} is a {@link Vns3Exception}. */
  public static java.util.Optional<Vns3Error> errorOf(Throwable t) {
    return t instanceof Vns3Exception e ? java.util.Optional.of(e.error) : java.util.Optional.empty();
  }
}
