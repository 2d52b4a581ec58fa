"""A broken client in standard-library Python: what `harness gate -- python3 broken_client.py` fails.

It believes the documentation's plain English instead of the vendor's answers: it expects the revocation task's status
spelled WAITING, gives up when it reads WAITTING (exit 1), and reads an IoTDA command without credentials first.
"""

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request


def call(method, url, headers=None, body=None, form=None):
    data = urllib.parse.urlencode(form).encode() if form else body.encode() if body else None
    headers = dict(headers or {})
    if form:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as answer:
        return answer.code, json.loads(answer.read() or b"null")


env = os.environ
# IoTDA: no X-Auth-Token and no signature (answered 401; the gate's request-schema rule reports it).
base, project = env["HARNESS_IOTDA_BASE_URL"], env["HARNESS_IOTDA_PROJECT_ID"]
device = env["HARNESS_IOTDA_DEVICE_IDS"].split(",")[0]
print(call("GET", f"{base}/v5/iot/{project}/devices/{device}/async-commands/some-id"))

# OceanConnect: log in, queue a command, revoke it, and trust the documentation's spelling over the answer.
base, app = env["HARNESS_OC_BASE_URL"], env["HARNESS_OC_APP_ID"]
device = env["HARNESS_OC_DEVICE_IDS"].split(",")[0]
_, login = call("POST", f"{base}/iocm/app/sec/v1.1.0/login", form={"appId": app, "secret": env["HARNESS_OC_SECRET"]})
auth = {"app_key": app, "Authorization": f"Bearer {login['accessToken']}"}
command = {"deviceId": device, "command": {"serviceId": "Switch", "method": "ON", "paras": {}}}
call("POST", f"{base}/iocm/app/cmd/v1.4.0/deviceCommands", auth, json.dumps(command))
_, task = call("POST", f"{base}/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks", auth, json.dumps({"deviceId": device}))
if task.get("status") != "WAITING":
    sys.exit(f"broken_client: unexpected task status {task.get('status')!r}")
