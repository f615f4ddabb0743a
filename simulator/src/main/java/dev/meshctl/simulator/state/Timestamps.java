package dev.meshctl.simulator.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The forms a controller writes its times in, each as recorded from real controllers in the SDK's
 * {@code tests/vns3/stub_data.py}; every timestamp the simulator answers goes through here.
 */
public final class Timestamps {
  /** {@code 2020-01-24 20:39:59 +0000}: {@code LicenseDetail.uploaded_at}, {@code SystemStatus.timestamp}. */
  private static final DateTimeFormatter SYSTEM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx").withZone(ZoneOffset.UTC);

  /** {@code 2020-01-24T20:42:56.500+00:00}: {@code KeysetDetail.created_at}. */
  private static final DateTimeFormatter KEYSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  /** {@code 2019-08-19T19:07:49.662Z}: {@code AccessToken.created_at}, {@code expires_at}. */
  private static final DateTimeFormatter ACCESS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** The system's form: license upload time, system status time. */
  public static String system(Instant t) {
    return SYSTEM.format(t);
  }

  /** The keyset's form, milliseconds and a numeric offset. */
  public static String keyset(Instant t) {
    return KEYSET.format(t);
  }

  /** The access API's form, {@code 2019-08-19T19:07:49.662Z} ({@code AccessToken.created_at}). */
  public static String access(Instant t) {
    return ACCESS.format(t);
  }
}
