package dev.meshctl.simulator;

/**
 * How many {@code /api} requests a simulated controller received since it started (or since its
 * counts were reset): reads are GET/HEAD, writes everything else. Lets a test assert that a
 * {@code meshctl plan} made zero writes.
 */
public record RequestCounts(long reads, long writes) {
  public long total() {
    return reads + writes;
  }
}
