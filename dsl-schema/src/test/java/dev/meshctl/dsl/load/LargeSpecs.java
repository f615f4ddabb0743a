package dev.meshctl.dsl.load;

/** Generated specs of any size: controllers in /25 subnets of 10.0.0.0/8, endpoints on loopback. */
final class LargeSpecs {
  private LargeSpecs() {}

  /** A valid full-mesh spec with {@code n} controllers (n ≤ 65536). */
  static String mesh(int n) {
    StringBuilder sb =
        new StringBuilder(
            """
            apiVersion: meshctl/v1
            kind: Mesh
            metadata: {name: large}
            defaults:
              api:
                password: ${env:PW}
            license: {file: ./license.txt}
            keyset:
              token: ${env:PW}
            controllers:
            """);
    for (int i = 0; i < n; i++) {
      int third = (i / 2) % 256;
      int second = i / 512;
      String base = "10." + second + "." + third + ".";
      String low = (i % 2 == 0) ? "0" : "128";
      String ip = (i % 2 == 0) ? "10" : "140";
      sb.append("  - name: c").append(i).append('\n')
          .append("    endpoint: 127.0.0.1:").append(10000 + i).append('\n')
          .append("    private_ip: ").append(base).append(ip).append('\n')
          .append("    subnet: ").append(base).append(low).append("/25\n");
    }
    return sb.toString();
  }
}
