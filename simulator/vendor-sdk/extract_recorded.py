#!/usr/bin/env python3
"""Copies the responses recorded in the vendor's sources into meshctl's test data.

Run once, by hand, when a source changes:

    python3 simulator/vendor-sdk/extract_recorded.py SDK_DIR OPENAPI_YAML OUT_DIR

SDK_DIR is a checkout of cohesive/python-cohesivenet-sdk, OPENAPI_YAML the vendor's document
(vns3-api-6.0.0.openapi.yaml), OUT_DIR engine/src/test/resources/vns3/recorded. The SDK's
stub data are Python literals: they are imported, not parsed by hand, so True/False/None become
true/false/null exactly. The document's examples are read as YAML with timestamps left as the
text the document wrote. Nothing of the SDK but these answers is copied.
"""
import importlib.util
import json
import os
import sys

import yaml

# file name -> (class, variable) in tests/vns3/stub_data.py
STUB_DATA = {
    "sdk-config.json": ("ConfigurationApiData", "ConfigDetail"),
    "sdk-keyset.json": ("ConfigurationApiData", "KeysetDetail"),
    "sdk-admin-ui.json": ("ConfigurationApiData", "UpdateUIAdminResponse"),
    "sdk-license-upload.json": ("LicensingApiData", "LicenseUploadDetail"),
    "sdk-license.json": ("LicensingApiData", "LicenseDetail"),
    "sdk-license-parameters.json": ("LicensingApiData", "LicenseParamsResponse"),
    "sdk-peering.json": ("PeeringApiData", "PeeringStatus"),
    "sdk-status.json": ("SystemAdminApiData", "VNS3Status"),
    "sdk-status-system.json": ("SystemAdminApiData", "SystemStatus"),
}

# file name -> (test file, test function): answers written inline in the SDK's tests
SDK_INLINE = {
    "sdk-api-password.json": ("tests/vns3/test_configuration_api.py", "test_put_update_api_password"),
    "sdk-server-reboot.json": ("tests/vns3/test_system_administration_api.py", "test_put_server_action"),
}

# file name -> path of keys to the example in the OpenAPI document
OPENAPI = {
    "openapi-config.json": ["paths", "/config", "get", "responses", "200", "content", "application/json", "example"],
    "openapi-keyset.json": ["paths", "/keyset", "get", "responses", "200", "content", "application/json", "example"],
    "openapi-keyset-put.json": ["paths", "/keyset", "put", "responses", "200", "content", "application/json", "example"],
    "openapi-keyset-403.json": ["paths", "/keyset", "get", "responses", "403", "content", "application/json", "example"],
    "openapi-license-403.json": ["paths", "/license", "get", "responses", "403", "content", "application/json", "example"],
    "openapi-status-403.json": ["paths", "/status", "get", "responses", "403", "content", "application/json", "example",
                                "unlicensedExample", "value"],
    "openapi-peering-self.json": ["paths", "/peering/self", "put", "responses", "200", "content", "application/json", "example"],
    "openapi-admin-ui.json": ["paths", "/admin_ui", "put", "responses", "200", "content", "application/json", "example"],
    "openapi-api-password.json": ["paths", "/api_password", "put", "responses", "200", "content", "application/json", "example"],
    "openapi-server-reboot.json": ["paths", "/server", "put", "responses", "200", "content", "application/json", "example"],
    "openapi-variables.json": ["components", "schemas", "VariablesListResponse", "example"],
}


class TextTimestampLoader(yaml.SafeLoader):
    """SafeLoader that keeps unquoted timestamps as the text written (JSON has no dates)."""


TextTimestampLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def inline_mock_response(path, function):
    """The literal passed as mock_response= in one test function of the SDK."""
    import ast
    tree = ast.parse(open(path).read())
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == function:
            for call in ast.walk(node):
                if isinstance(call, ast.keyword) and call.arg == "mock_response":
                    return ast.literal_eval(call.value)
    raise SystemExit("no mock_response in %s %s" % (path, function))


def write(out_dir, name, value):
    with open(os.path.join(out_dir, name), "w") as f:
        json.dump(value, f, indent=2)
        f.write("\n")


def main(sdk_dir, openapi_yaml, out_dir):
    spec = importlib.util.spec_from_file_location(
        "stub_data", os.path.join(sdk_dir, "tests", "vns3", "stub_data.py"))
    stub_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stub_data)
    for name, (cls, var) in STUB_DATA.items():
        write(out_dir, name, getattr(getattr(stub_data, cls), var))
    for name, (path, function) in SDK_INLINE.items():
        write(out_dir, name, inline_mock_response(os.path.join(sdk_dir, path), function))
    document = yaml.load(open(openapi_yaml), Loader=TextTimestampLoader)
    for name, keys in OPENAPI.items():
        value = document
        for k in keys:
            value = value[k]
        write(out_dir, name, value)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
