package dev.meshctl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionOutputsTest {
  /** The shape `terraform output -json` writes for the west region. */
  static JsonObject westOutputs() {
    JsonObject o = new JsonObject();
    put(o, "west_vpc_cidr", "10.0.2.0/24");
    put(o, "west_subnet_cidrs", new JsonArray(List.of("10.0.2.0/25", "10.0.2.128/25")));
    put(o, "west_controller_public_ips", new JsonArray(List.of("127.1.2.3", "127.4.5.6")));
    put(o, "west_controller_dns_names", new JsonArray(List.of("ec2-127-1-2-3.x", "ec2-127-4-5-6.x")));
    put(o, "west_controller_private_ips", new JsonArray(List.of("10.0.2.10", "10.0.2.140")));
    put(o, "west_controller_instance_ids", new JsonArray(List.of("i-1", "i-2")));
    put(o, "west_route_table_id", "rtb-1");
    put(o, "west_security_group_id", "sg-1");
    return o;
  }

  private static void put(JsonObject outputs, String name, Object value) {
    outputs.put(name, new JsonObject().put("sensitive", false).put("type", "string").put("value", value));
  }

  @Test
  void readsEveryOutputOfTheRegion() {
    RegionOutputs west = RegionOutputs.read(westOutputs(), "west");

    assertEquals("10.0.2.0/24", west.vpcCidr());
    assertEquals(List.of("10.0.2.10", "10.0.2.140"), west.controllerPrivateIps());
    assertEquals(List.of("i-1", "i-2"), west.controllerInstanceIds());
    assertEquals("sg-1", west.securityGroupId());
    assertEquals(2, west.controllers());
  }

  @Test
  void aMissingOutputIsNamed() {
    JsonObject outputs = westOutputs();
    outputs.remove("west_route_table_id");

    AssertionError e = assertThrows(AssertionError.class, () -> RegionOutputs.read(outputs, "west"));
    assertTrue(e.getMessage().contains("west_route_table_id"), e.getMessage());
  }

  @Test
  void aListWhereAStringBelongsIsNamed() {
    JsonObject outputs = westOutputs();
    put(outputs, "west_vpc_cidr", new JsonArray().add("10.0.2.0/24"));

    AssertionError e = assertThrows(AssertionError.class, () -> RegionOutputs.read(outputs, "west"));
    assertTrue(e.getMessage().contains("west_vpc_cidr is not a string"), e.getMessage());
  }
}
