"""Drives EnOS's Python library enos-poseidon the way the vendor's public samples use it, for the harness's SDK suite.

The samples (EnvisionIot/sample-code-python, IoTHub/connection/DeviceData/*.py) build the URL with requests'
PreparedRequest.prepare_url and call poseidon.poseidon.urlopen(appKey, appSecret, url[, body]): without a body the
call goes out as GET (cancelCommand.py, getCommand.py), with one as POST. This driver does the same, plus an explicit
POST without a body (the documented form of cancel).

Started with one argument, a JSON object: baseUrl, appKey, appSecret, orgId, caFile (https: the CA to verify the
server with; poseidon itself turns verification off for every https call, so the driver turns it back on). Reads one
JSON request per line on stdin and answers one JSON line on stdout each: {"id", "ok": true, "value": <the answer
poseidon returned>} or {"id", "ok": false, "error": {...}}. It holds no test logic: sdks/enos/sdk.test.ts does.
"""

import contextlib
import json
import ssl
import sys
import traceback

import poseidon.poseidon
from requests.models import PreparedRequest

COMMANDS = "/connect-service/v2.1/commands"


def url_of(cfg, params):
    """The request URL exactly as the samples make it."""
    req = PreparedRequest()
    req.prepare_url(cfg["baseUrl"] + COMMANDS, {"orgId": cfg["orgId"], **params})
    return req.url


def call(cfg, req):
    op = req["op"]
    key, secret = cfg["appKey"], cfg["appSecret"]
    device = {"assetId": req["assetId"]}
    if op == "invokeService":
        params = {"action": "invokeService", **device, "serviceId": req["serviceId"]}
        for name in ("pendingTtl", "timeout"):
            if name in req:
                params[name] = req[name]
        return poseidon.poseidon.urlopen(key, secret, url_of(cfg, params), {"inputData": req["inputData"]})
    if op == "get":
        return poseidon.poseidon.urlopen(
            key, secret, url_of(cfg, {"action": "get", **device, "commandId": req["commandId"]})
        )
    if op == "search":
        return poseidon.poseidon.urlopen(key, secret, url_of(cfg, {"action": "search", **device}), req["body"])
    if op == "cancel":
        params = {"action": "cancel", **device}
        if req.get("commandId"):
            params["commandId"] = req["commandId"]
        # GET: as cancelCommand.py sends it (no body); POST: the documented method, still without a body.
        method = req.get("method", "GET")
        return poseidon.poseidon.urlopen(key, secret, url_of(cfg, params), method=None if method == "GET" else method)
    raise ValueError("unknown op " + op)


def main():
    cfg = json.loads(sys.argv[1])
    if cfg.get("caFile"):
        # poseidon sets ssl._create_default_https_context to the unverified one when imported; verify instead.
        ssl._create_default_https_context = lambda: ssl.create_default_context(cafile=cfg["caFile"])
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        try:
            # The library prints (errors, retries): keep stdout for the answers.
            with contextlib.redirect_stdout(sys.stderr):
                value = call(cfg, req)
            # urlopen prints and swallows HTTP errors (URLError) and answers None; a non-JSON answer comes back as text.
            out = {"id": req["id"], "ok": value is not None, "value": value}
            if value is None:
                out["error"] = {"kind": "no answer", "errorMsg": "poseidon.urlopen returned None (HTTP or network error)"}
        except Exception as err:
            out = {"id": req["id"], "ok": False, "error": {"kind": type(err).__name__, "errorMsg": str(err),
                                                           "trace": traceback.format_exc()}}
        sys.stdout.write(json.dumps(out, default=str) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
