package dev.meshctl.cli.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads back what Terraform built, from moto's EC2 query API, so the test checks the network
 * itself and not only Terraform's outputs. moto does not check signatures: the region is taken
 * from the credential scope of the Authorization header.
 */
record Ec2Query(String endpoint) {

  /**
   * The security group's ingress rules as {@code "PROTOCOL FROM-TO from CIDR"} lines, e.g.
   * {@code udp 1195-1203 from 10.0.2.0/24}, or {@code all from CIDR} for every protocol, sorted.
   */
  List<String> ingressRules(String region, String groupId) throws IOException, InterruptedException {
    Element response = call(region, Map.of("Action", "DescribeSecurityGroups", "GroupId.1", groupId));
    TreeSet<String> rules = new TreeSet<>();
    for (Element permission : children(child(child(child(response, "securityGroupInfo"), "item"), "ipPermissions"), "item")) {
      String protocol = text(permission, "ipProtocol");
      String rule =
          protocol.equals("-1")
              ? "all"
              : protocol + " " + text(permission, "fromPort") + "-" + text(permission, "toPort");
      for (Element range : children(child(permission, "ipRanges"), "item")) {
        rules.add(rule + " from " + text(range, "cidrIp"));
      }
    }
    return List.copyOf(rules);
  }

  /** The route table's routes as {@code "CIDR via TARGET"} lines, sorted. */
  List<String> routes(String region, String routeTableId) throws IOException, InterruptedException {
    Element response = call(region, Map.of("Action", "DescribeRouteTables", "RouteTableId.1", routeTableId));
    TreeSet<String> routes = new TreeSet<>();
    for (Element route : children(child(child(child(response, "routeTableSet"), "item"), "routeSet"), "item")) {
      String target =
          List.of("vpcPeeringConnectionId", "gatewayId", "natGatewayId", "networkInterfaceId").stream()
              .map(name -> text(route, name))
              .filter(t -> !t.isEmpty())
              .findFirst()
              .orElse("?");
      routes.add(text(route, "destinationCidrBlock") + " via " + target);
    }
    return List.copyOf(routes);
  }

  private Element call(String region, Map<String, String> params) throws IOException, InterruptedException {
    Map<String, String> all = new java.util.TreeMap<>(params);
    all.put("Version", "2016-11-15");
    String body =
        all.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + "/"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=meshctl-e2e/20260101/" + region
                    + "/ec2/aws4_request, SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new AssertionError(params.get("Action") + " answered " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(response.body())).getDocumentElement();
    } catch (Exception e) {
      throw new AssertionError(params.get("Action") + " answered something that is not XML", e);
    }
  }

  /** The first child element named {@code name}; a missing one fails with the path. */
  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().strip();
      }
    }
    return "";
  }
}
