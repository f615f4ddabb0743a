package dev.meshctl.cli;

import dev.meshctl.dsl.model.Masker;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A stream of meshctl's output whose every line passes through the run's {@link Masker} before it
 * reaches the stream underneath: standard output and error both, so a secret value never reaches
 * the terminal, a log collector or a pull-request comment, whichever command printed it.
 *
 * <p>Lines are masked whole (a value written in two pieces is still found); a flush writes the
 * unfinished line masked, so prompts and progress still appear when they should.
 */
final class MaskedOutput extends PrintWriter {
  private final Masker masker;

  private MaskedOutput(Writer target, Masker masker) {
    super(new LineMasking(target, masker), true);
    this.masker = masker;
  }

  /** {@code target} masked by {@code masker}. */
  static MaskedOutput wrap(PrintWriter target, Masker masker) {
    return new MaskedOutput(target, masker);
  }

  /**
   * The masker behind {@code out}, to register the secrets of a spec just loaded; a stream that is
   * not masked gets a masker of its own, which masks nothing it prints.
   */
  static Masker masker(PrintWriter out) {
    return out instanceof MaskedOutput m ? m.masker : new Masker();
  }

  /** Buffers up to a line end, masks the line and writes it on. */
  private static final class LineMasking extends Writer {
    private final Writer target;
    private final Masker masker;
    private final StringBuilder line = new StringBuilder();

    LineMasking(Writer target, Masker masker) {
      this.target = target;
      this.masker = masker;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws java.io.IOException {
      for (int i = off; i < off + len; i++) {
        line.append(buf[i]);
        if (buf[i] == '\n') {
          emit();
          target.flush();
        }
      }
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
      emit();
      target.flush();
    }

    @Override
    public synchronized void close() throws java.io.IOException {
      flush();
    }

    private void emit() throws java.io.IOException {
      if (line.length() > 0) {
        target.write(masker.mask(line.toString()));
        line.setLength(0);
      }
    }
  }
}
