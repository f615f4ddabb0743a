package dev.meshctl.dsl.format;

/**
 * How long {@code meshctl fmt} takes on a large spec: 1000 controllers, a comment on each, keys
 * out of order. Prints figures; not part of the test run. Run from the repository root:
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -pl dsl-schema
 * java -cp dsl-schema/target/classes:dsl-schema/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.meshctl.dsl.format.FormatBenchmark
 * </pre>
 */
final class FormatBenchmark {
  private FormatBenchmark() {}

  public static void main(String[] args) {
    StringBuilder sb = new StringBuilder("apiVersion: meshctl/v1\nkind: Mesh\nmetadata: {name: big}\n");
    sb.append("license: {file: ./l.txt}\nkeyset:\n  token: ${env:T}\ncontrollers:\n");
    for (int i = 0; i < 1000; i++) {
      String net = "10." + i / 250 + "." + i % 250;
      sb.append("  # controller ").append(i).append('\n')
          .append("  - subnet: ").append(net).append(".0/24   # its subnet\n")
          .append("    name: c").append(i).append('\n')
          .append("    endpoint: 10.9.").append(i / 250).append('.').append(i % 250).append('\n')
          .append("    private_ip: '").append(net).append(".10'\n");
    }
    String text = sb.toString();
    for (int run = 1; run <= 6; run++) {
      long t0 = System.nanoTime();
      FormatResult r = SpecFormatter.format(text, "big.yaml");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (!r.ok() || !r.changed()) {
        throw new IllegalStateException("unexpected result: " + r.diagnostics());
      }
      System.out.printf("fmt, %d lines, 1000 controllers: run %d: %d ms%n", text.lines().count(), run, ms);
    }
  }
}
