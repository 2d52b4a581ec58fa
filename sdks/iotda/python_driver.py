"""Drives Huawei's own Python IoTDA SDK (huaweicloudsdkiotda + huaweicloudsdkcore) for the harness's SDK suite.

Started with one argument, a JSON object: endpoint (http or https base URL), projectId, ak, sk, derived (bool:
derived AK/SK signing as for standard and enterprise instances), region (with derived), caFile (https: the CA to
verify the server with). Reads one JSON request per line on stdin and answers one JSON line on stdout each:
{"id", "ok": true, "value"} or {"id", "ok": false, "error": {...}}. It holds no test logic: the TypeScript suite
(sdks/iotda/sdk.test.ts) decides what to call and what the answers must be.
"""

import contextlib
import json
import sys
import traceback

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ServiceResponseException, SdkException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkcore.region.region import Region
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import DerivationAKSKSigner, Signer
from huaweicloudsdkiotda.v5 import (
    AsyncDeviceCommandRequest,
    CreateAsyncCommandRequest,
    IoTDAClient,
    ListAsyncCommandsRequest,
    ListAsyncHistoryCommandsRequest,
    ShowAsyncDeviceCommandRequest,
)

DERIVED_SERVICE = "iotdm"


def build_client(cfg):
    """The client as the SDK's documentation sets it up: basic AK/SK with an endpoint, or derived AK/SK with a region."""
    credentials = BasicCredentials(cfg["ak"], cfg["sk"], cfg["projectId"])
    config = HttpConfig.get_default_config()
    config.ignore_ssl_verification = False
    if cfg.get("caFile"):
        config.ssl_ca_cert = cfg["caFile"]
    builder = IoTDAClient.new_builder().with_credentials(credentials).with_http_config(config)
    if cfg.get("derived"):
        credentials.with_derived_predicate(BasicCredentials.get_default_derived_predicate())
        builder = builder.with_region(Region(cfg["region"], cfg["endpoint"]))
    else:
        builder = builder.with_endpoints([cfg["endpoint"]])
    return builder.build()


def sdk_sign(cfg, req):
    """The SDK core's own signer over a request given piece by piece (no network): what it puts in Authorization."""
    from huaweicloudsdkcore.auth.credentials import Credentials

    credentials = Credentials(cfg["ak"], cfg["sk"])
    headers = dict(req["headers"])
    headers["X-Sdk-Date"] = req["sdkDate"]
    body = req.get("body")
    request = SdkRequest(
        method=req["method"],
        schema="http",
        host=req["host"],
        resource_path=req["path"],
        query_params=sorted(req.get("query", {}).items()),
        header_params=headers,
        body=body.encode("utf-8") if body else "",
    )
    if cfg.get("derived"):
        signed = DerivationAKSKSigner(credentials).sign(request, DERIVED_SERVICE, cfg["region"])
    else:
        signed = Signer(credentials).sign(request)
    return {"headers": dict(signed.header_params)}


def call(client, cfg, req):
    op = req["op"]
    if op == "sign":
        return sdk_sign(cfg, req)
    if op == "create":
        b = req["body"]
        response = client.create_async_command(
            CreateAsyncCommandRequest(
                device_id=req["deviceId"],
                body=AsyncDeviceCommandRequest(
                    service_id=b.get("service_id"),
                    command_name=b.get("command_name"),
                    paras=b.get("paras"),
                    expire_time=b.get("expire_time"),
                    send_strategy=b.get("send_strategy"),
                ),
            )
        )
    elif op == "show":
        response = client.show_async_device_command(
            ShowAsyncDeviceCommandRequest(device_id=req["deviceId"], command_id=req["commandId"])
        )
    elif op == "listQueued":
        response = client.list_async_commands(ListAsyncCommandsRequest(device_id=req["deviceId"], **req.get("query", {})))
    elif op == "listHistory":
        response = client.list_async_history_commands(
            ListAsyncHistoryCommandsRequest(device_id=req["deviceId"], **req.get("query", {}))
        )
    else:
        raise ValueError("unknown op " + op)
    return {"status": response.status_code, "body": response.to_dict()}


def error_of(err):
    if isinstance(err, ServiceResponseException):
        return {
            "kind": type(err).__name__,
            "status": err.status_code,
            "errorCode": err.error_code,
            "errorMsg": err.error_msg,
            "requestId": err.request_id,
        }
    if isinstance(err, SdkException):
        return {"kind": type(err).__name__, "errorMsg": str(err)}
    return {"kind": type(err).__name__, "errorMsg": str(err), "trace": traceback.format_exc()}


def main():
    cfg = json.loads(sys.argv[1])
    client = build_client(cfg)
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        try:
            with contextlib.redirect_stdout(sys.stderr):  # stdout carries only the answers
                value = call(client, cfg, req)
            out = {"id": req["id"], "ok": True, "value": value}
        except Exception as err:  # every failure goes back as data; the suite decides
            out = {"id": req["id"], "ok": False, "error": error_of(err)}
        sys.stdout.write(json.dumps(out, default=str) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
