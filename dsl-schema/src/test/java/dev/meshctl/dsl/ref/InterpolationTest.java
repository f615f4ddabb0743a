package dev.meshctl.dsl.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshctl.dsl.ref.Interpolation.Broken;
import dev.meshctl.dsl.ref.Interpolation.Literal;
import dev.meshctl.dsl.ref.Interpolation.Ref;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpolationTest {
  @Test
  void splitsLiteralsAndReferences() {
    assertEquals(
        List.of(new Literal("https://"), new Ref("tf", "ips[0]", "${tf:ips[0]}"), new Literal(":8000")),
        Interpolation.parse("https://${tf:ips[0]}:8000"));
    assertEquals(List.of(new Ref("env", "A", "${ env:A }")), Interpolation.parse("${ env:A }"));
  }

  @Test
  void dollarDollarIsALiteral() {
    assertEquals(List.of(new Literal("cost ${x}")), Interpolation.parse("cost $${x}"));
    assertFalse(Interpolation.hasReference("plain $ text"));
  }

  @Test
  void brokenReferences() {
    assertTrue(Interpolation.parse("${env:A") .get(0) instanceof Broken);
    assertTrue(Interpolation.parse("a ${NAME}").get(1) instanceof Broken);
    assertTrue(Interpolation.hasReference("${NAME}"));
  }
}
