package dev.meshctl.cli.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The Terraform outputs of one region of examples/aws-peering-mesh, all named
 * {@code <prefix>_...}.
 */
record RegionOutputs(
    String prefix,
    String vpcCidr,
    List<String> subnetCidrs,
    List<String> controllerPublicIps,
    List<String> controllerDnsNames,
    List<String> controllerPrivateIps,
    List<String> controllerInstanceIds,
    String routeTableId,
    String securityGroupId) {

  /**
   * Reads the region's outputs from {@code terraform output -json}; a missing output or one of the
   * wrong type fails with its name.
   */
  static RegionOutputs read(JsonObject outputs, String prefix) {
    return new RegionOutputs(
        prefix,
        string(outputs, prefix + "_vpc_cidr"),
        strings(outputs, prefix + "_subnet_cidrs"),
        strings(outputs, prefix + "_controller_public_ips"),
        strings(outputs, prefix + "_controller_dns_names"),
        strings(outputs, prefix + "_controller_private_ips"),
        strings(outputs, prefix + "_controller_instance_ids"),
        string(outputs, prefix + "_route_table_id"),
        string(outputs, prefix + "_security_group_id"));
  }

  /** How many controllers the region has. */
  int controllers() {
    return controllerPrivateIps.size();
  }

  private static Object value(JsonObject outputs, String name) {
    JsonObject output = outputs.getJsonObject(name);
    if (output == null || !output.containsKey("value")) {
      throw new AssertionError("terraform output " + name + " is missing");
    }
    return output.getValue("value");
  }

  private static String string(JsonObject outputs, String name) {
    if (value(outputs, name) instanceof String s) {
      return s;
    }
    throw new AssertionError("terraform output " + name + " is not a string");
  }

  private static List<String> strings(JsonObject outputs, String name) {
    if (!(value(outputs, name) instanceof JsonArray array)) {
      throw new AssertionError("terraform output " + name + " is not a list");
    }
    List<String> list = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof String s)) {
        throw new AssertionError("terraform output " + name + " holds a non-string: " + o);
      }
      list.add(s);
    }
    return List.copyOf(list);
  }
}
