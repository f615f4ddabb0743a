#!/usr/bin/env python3
"""The vendor SDK's own peering-mesh flow, run unchanged against VNS3 controllers.

    python3 peering_mesh_flow.py build --sdk DIR --license FILE --keyset-token T \
        --controller HOST:PORT,PASSWORD,SUBNET [--controller ...]
    python3 peering_mesh_flow.py read  --sdk DIR --controller HOST:PORT,PASSWORD,SUBNET [...]

`build` calls exactly the macros of the SDK's examples/peering_mesh.py, in its order, on the
controllers given (the first is the root): config.setup_controller with a topology name,
config.fetch_keysets, peering.set_peer_ids, routing.create_peer_mesh_local_gw_routes,
peering.peer_mesh, routing.create_route_advertisements. It prints one line per step, PASS or
FAIL with the SDK's own error, and goes on after a failure so that every step is tried.

`read` uses only the SDK's read macros (state.get_primary_private_ip,
peering.get_peering_status, routing get_routes) and checks that they see the mesh such a flow
(or a `meshctl apply` of the same mesh) makes: each controller's private IP, its peer ID (its
position in the list), every other controller peered at its private IP, a route to each peer's
private IP /32 through the first address of the local subnet on eth0, and an advertisement of
the local subnet.

The SDK is not part of meshctl: pass a checkout of cohesive/python-cohesivenet-sdk with --sdk.
It needs urllib3, six, certifi and python-dateutil.
"""
import argparse
import ipaddress
import sys
import traceback

TOPOLOGY = "VNS3 Peering Mesh Example"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["build", "read"])
    p.add_argument("--sdk", required=True, help="checkout of cohesive/python-cohesivenet-sdk")
    p.add_argument("--controller", action="append", required=True,
                   help="HOST:PORT,PASSWORD,SUBNET; the first is the root")
    p.add_argument("--license", help="license file (build)")
    p.add_argument("--keyset-token", help="keyset token (build)")
    p.add_argument("--topology", default=TOPOLOGY)
    p.add_argument("--timeout", type=float, default=240, help="reboot and keyset timeout, seconds")
    return p.parse_args()


def reason(e):
    """The SDK's error in one line: the status and the controller's answer, without the headers."""
    status, body = getattr(e, "status", None), getattr(e, "body", None)
    if status is not None and body:
        text = body.decode() if isinstance(body, bytes) else str(body)
        return "HTTP %s %s" % (status, text.strip().replace("\n", " "))
    return "%s: %s" % (type(e).__name__, str(e).strip().replace("\n", " "))


class Steps:
    """PASS/FAIL per step, with the reason the SDK gave."""

    def __init__(self):
        self.failed = []

    def run(self, name, call):
        try:
            result = call()
        except Exception as e:  # the SDK raises its own exceptions and urllib3's
            self.fail(name, reason(e))
            traceback.print_exc(file=sys.stderr)
            return None
        # Bulk macros answer (succeeded, failed) instead of raising.
        if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], list) and result[1]:
            reasons = [reason(f.exception) for f in result[1]]
            self.fail(name, "; ".join(reasons))
            return result
        print("PASS %s" % name, flush=True)
        return result

    def check(self, name, ok, detail):
        if ok:
            print("PASS %s" % name, flush=True)
        else:
            self.fail(name, detail)

    def fail(self, name, reason):
        self.failed.append(name)
        print("FAIL %s: %s" % (name, reason), flush=True)


def clients_for(args, connect):
    clients = []
    for spec in args.controller:
        host, password, subnet = spec.split(",")
        client = connect.get_vns3_client(host, username="api", password=password, verify=False)
        client.update_state({"subnet": subnet})
        clients.append(client)
    return clients


def build(args, clients, steps):
    from cohesivenet.macros import config, peering, routing, state

    root, peers = clients[0], clients[1:]
    steps.run("setup_controller", lambda: config.setup_controller(
        root,
        args.topology,
        args.license,
        license_parameters={"default": True},
        keyset_parameters={"token": args.keyset_token},
        reboot_timeout=args.timeout,
        keyset_timeout=args.timeout,
    ))
    steps.run("fetch_keysets", lambda: config.fetch_keysets(
        peers, state.get_primary_private_ip(root), args.keyset_token))
    steps.run("set_peer_ids", lambda: peering.set_peer_ids(peers, ids=list(range(2, len(clients) + 1))))
    steps.run("create_peer_mesh_local_gw_routes", lambda: routing.create_peer_mesh_local_gw_routes(clients))
    steps.run("peer_mesh", lambda: peering.peer_mesh(clients))
    subnets = [c.query_state("subnet") for c in clients]
    steps.run("create_route_advertisements", lambda: routing.create_route_advertisements(clients, subnets))


def read(args, clients, steps):
    from cohesivenet.macros import peering, state  # noqa: F401  (peering: the macros' module)

    ips = []
    for i, client in enumerate(clients):
        ip = steps.run("controller %d: state.get_primary_private_ip" % (i + 1),
                       lambda: state.get_primary_private_ip(client, bust_cache=True))
        ips.append(ip)
    for i, client in enumerate(clients):
        me = i + 1
        subnet = ipaddress.ip_network(client.query_state("subnet"))
        gateway = str(next(subnet.hosts()))
        status = steps.run("controller %d: peering.get_peering_status" % me,
                           lambda: client.peering.get_peering_status().json()["response"])
        if status is not None:
            steps.check("controller %d: peer ID is %d" % (me, me), status.get("id") == me,
                        "peering id is %r" % status.get("id"))
            managers = status.get("managers") or {}
            for j, ip in enumerate(ips):
                other = j + 1
                if other == me:
                    continue
                entry = managers.get(str(other)) or {}
                steps.check("controller %d: peer %d at %s" % (me, other, ip),
                            entry.get("address") == ip and not entry.get("not_set"),
                            "managers[%d] is %r" % (other, entry))
        table = steps.run("controller %d: routing.get_routes" % me,
                          lambda: client.routing.get_routes().json()["response"])
        if table is None:
            continue
        routes = list(table.values()) if isinstance(table, dict) else list(table)
        for j, ip in enumerate(ips):
            if j + 1 == me:
                continue
            cidr = "%s/32" % ip
            found = [r for r in routes
                     if r.get("cidr") == cidr and r.get("gateway") == gateway and r.get("interface") == "eth0"]
            steps.check("controller %d: route %s via %s on eth0" % (me, cidr, gateway), len(found) == 1,
                        "%d such routes in %r" % (len(found), routes))
        adverts = [r for r in routes if r.get("cidr") == str(subnet) and r.get("advertise") is True]
        steps.check("controller %d: advertises %s" % (me, subnet), len(adverts) == 1,
                    "%d such routes in %r" % (len(adverts), routes))


def main():
    args = parse_args()
    sys.path.insert(0, args.sdk)
    from cohesivenet import Logger
    from cohesivenet.macros import connect

    Logger.silence_urllib3()
    clients = clients_for(args, connect)
    steps = Steps()
    if args.mode == "build":
        if not args.license or not args.keyset_token:
            raise SystemExit("build needs --license and --keyset-token")
        build(args, clients, steps)
    else:
        read(args, clients, steps)
    print("%s: %d step(s) failed%s" % (args.mode, len(steps.failed),
                                       (": " + ", ".join(steps.failed)) if steps.failed else ""), flush=True)
    return 1 if steps.failed else 0


if __name__ == "__main__":
    sys.exit(main())
