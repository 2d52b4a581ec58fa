// Huawei's Go SDK (huaweicloud-sdk-go-v3 services/iotda/v5, pinned in sdks/iotda/go/go.mod) against `harness sim`.
import { versionOf } from '../provision/cache.ts';
import { ensureGoDriver, goSdkVersion } from '../provision/go.ts';
import { Driver } from '../runner/driver.ts';
import { iotdaSdkSuite } from './scenario.ts';

iotdaSdkSuite({
  name: `Go huaweicloud-sdk-go-v3 ${goSdkVersion()} (services/iotda/v5)`,
  missing: versionOf('go', ['version']) ? undefined : 'Go is not installed (no `go` on the PATH)',
  errorKind: 'ServiceResponseError',
  provision: async () => {
    const go = await ensureGoDriver({ onProgress: (line) => console.log(line) });
    if (!go.ok) throw new Error(go.message);
    return (config) => new Driver(go.binary, [JSON.stringify(config)]);
  },
});
