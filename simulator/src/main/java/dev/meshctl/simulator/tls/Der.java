package dev.meshctl.simulator.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The few ASN.1 DER encodings an X.509 certificate needs. Written out by hand because the JDK
 * has no public certificate builder and its internal one needs {@code --add-exports}.
 */
final class Der {
  private Der() {}

  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      body.writeBytes(p);
    }
    byte[] content = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = content.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len & 0xff);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write((len >> 8) & 0xff);
      out.write(len & 0xff);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... parts) {
    return tlv(0x30, parts);
  }

  static byte[] set(byte[]... parts) {
    return tlv(0x31, parts);
  }

  static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  static byte[] bitString(byte[] bytes) {
    byte[] withPad = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, withPad, 1, bytes.length);
    return tlv(0x03, withPad);
  }

  static byte[] octetString(byte[] bytes) {
    return tlv(0x04, bytes);
  }

  static byte[] utf8(String s) {
    return tlv(0x0c, s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] utcTime(String yymmddhhmmssZ) {
    return tlv(0x17, yymmddhhmmssZ.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] generalizedTime(String yyyymmddhhmmssZ) {
    return tlv(0x18, yyyymmddhhmmssZ.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] explicit(int tagNumber, byte[] inner) {
    return tlv(0xa0 | tagNumber, inner);
  }

  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      long v = Long.parseLong(parts[i]);
      byte[] tmp = new byte[10];
      int n = 0;
      do {
        tmp[n++] = (byte) (v & 0x7f);
        v >>= 7;
      } while (v > 0);
      for (int j = n - 1; j >= 0; j--) {
        out.write(tmp[j] | (j > 0 ? 0x80 : 0));
      }
    }
    return tlv(0x06, out.toByteArray());
  }
}
