package dev.meshctl.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Generated initial API passwords: reproducible from the seed, distinct per controller. */
final class Passwords {
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

  private Passwords() {}

  static String generated(long seed, String controllerName) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(("meshctl-sim-password:" + seed).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] b = mac.doFinal(controllerName.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder("sim-");
      for (int i = 0; i < 16; i++) {
        sb.append(ALPHABET.charAt((b[i] & 0xff) % ALPHABET.length()));
      }
      return sb.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
