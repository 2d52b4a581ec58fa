"""A careful client of all three vendors in standard-library Python: what `harness gate -- python3 careful_client.py` passes.

It reads the variables `harness gate` exports (gate/README.md), signs as each vendor documents, reads the vendors'
own spellings (WAITTING, PENDDING), and exits 0 only when every answer is the documented one.
"""

import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"careful_client: {name} is not set (run me under harness gate)")
    return value


def call(method, url, headers=None, body=None, form=None):
    """Returns (status, parsed JSON body); HTTP errors are answers too."""
    data = None
    headers = dict(headers or {})
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = body.encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as answer:
        return answer.code, json.loads(answer.read() or b"null")


def expect(what, ok, answer):
    if not ok:
        sys.exit(f"careful_client: {what} failed: {answer}")
    print(f"ok  {what}")


def sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def oceanconnect():
    base, app = env("HARNESS_OC_BASE_URL"), env("HARNESS_OC_APP_ID")
    device = env("HARNESS_OC_DEVICE_IDS").split(",")[0]
    status, login = call("POST", f"{base}/iocm/app/sec/v1.1.0/login", form={"appId": app, "secret": env("HARNESS_OC_SECRET")})
    expect("OceanConnect login", status == 200 and "accessToken" in login, login)
    auth = {"app_key": app, "Authorization": f"Bearer {login['accessToken']}"}
    command = {"deviceId": device, "command": {"serviceId": "Switch", "method": "ON", "paras": {}}}
    status, created = call("POST", f"{base}/iocm/app/cmd/v1.4.0/deviceCommands", auth, json.dumps(command))
    expect("OceanConnect command queued", status == 201 and created.get("status") == "PENDING", created)
    status, task = call("POST", f"{base}/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks", auth, json.dumps({"deviceId": device}))
    # The vendor spells both values this way, and so must a client that reads them.
    revoked = [c.get("status") for c in task.get("deviceCommands", [])]
    expect("OceanConnect revocation task", status == 201 and task.get("status") == "WAITTING" and "PENDDING" in revoked, task)


def iotda():
    base, project = env("HARNESS_IOTDA_BASE_URL"), env("HARNESS_IOTDA_PROJECT_ID")
    device = env("HARNESS_IOTDA_DEVICE_IDS").split(",")[0]
    auth = {"X-Auth-Token": env("HARNESS_IOTDA_AUTH_TOKEN")}
    url = f"{base}/v5/iot/{project}/devices/{device}/async-commands"
    body = {"service_id": "Switch", "command_name": "ON_OFF", "paras": {"value": "ON"}, "send_strategy": "delay"}
    status, created = call("POST", url, auth, json.dumps(body))
    expect("IoTDA delayed command", status == 200 and created.get("status") == "PENDING", created)
    status, shown = call("GET", f"{url}/{created['command_id']}", auth)
    expect("IoTDA command read by id", status == 200 and shown.get("status") == "PENDING", shown)


def enos():
    base, org = env("HARNESS_ENOS_BASE_URL"), env("HARNESS_ENOS_ORG_ID")
    key, secret = env("HARNESS_ENOS_APP_KEY"), env("HARNESS_ENOS_APP_SECRET")
    asset = env("HARNESS_ENOS_ASSET_IDS").split(",")[0]
    now = int(time.time() * 1000)
    token_body = json.dumps({"appKey": key, "encryption": sha256(f"{key}{now}{secret}"), "timestamp": now})
    status, token = call("POST", f"{base}/apim-token-service/v2.0/token/get", body=token_body)
    expect("EnOS token", status == 200 and token.get("status") == 0, token)
    access = token["data"]["accessToken"]

    def command(query, body=""):
        # apim-signature: sha256(token + every query parameter sorted by name as name+value + body + timestamp + secret)
        ts = int(time.time() * 1000)
        params = "".join(k + str(query[k]) for k in sorted(query))
        headers = {"apim-accesstoken": access, "apim-timestamp": str(ts), "apim-signature": sha256(f"{access}{params}{body}{ts}{secret}")}
        url = f"{base}/connect-service/v2.1/commands?{urllib.parse.urlencode(query)}"
        return call("POST", url, headers, body if body else None)

    query = {"action": "invokeService", "orgId": org, "assetId": asset, "serviceId": "reboot", "pendingTtl": 600}
    status, invoked = command(query, json.dumps({"inputData": {}}))
    expect("EnOS cached command", status == 200 and invoked.get("code") == 0, invoked)
    status, cancelled = command({"action": "cancel", "orgId": org, "assetId": asset})
    ids = [c.get("commandId") for c in cancelled.get("data") or []]
    expect("EnOS cancel-all", status == 200 and cancelled.get("code") == 0 and invoked["data"]["commandId"] in ids, cancelled)


oceanconnect()
iotda()
enos()
print("careful_client: all answers as documented")
