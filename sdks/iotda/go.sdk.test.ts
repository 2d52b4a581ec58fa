// Huawei's Go SDK (huaweicloud-sdk-go-v3 services/iotda/v5, pinned in sdks/iotda/go/go.mod) against `harness sim`.
import path from 'node:path';
import { SDKS_DIR, versionOf } from '../provision/cache.ts';
import { ensureGoDriver, goModuleVersion } from '../provision/go.ts';
import { Driver } from '../runner/driver.ts';
import { iotdaSdkSuite } from './scenario.ts';

const DRIVER_DIR = path.join(SDKS_DIR, 'iotda', 'go');
const SDK_MODULE = 'github.com/huaweicloud/huaweicloud-sdk-go-v3';

iotdaSdkSuite({
  name: `Go huaweicloud-sdk-go-v3 ${goModuleVersion(DRIVER_DIR, SDK_MODULE)} (services/iotda/v5)`,
  missing: versionOf('go', ['version']) ? undefined : 'Go is not installed (no `go` on the PATH)',
  errorKind: 'ServiceResponseError',
  provision: async () => {
    const go = await ensureGoDriver(DRIVER_DIR, { onProgress: (line) => console.log(line) });
    if (!go.ok) throw new Error(go.message);
    return (config) => new Driver(go.binary, [JSON.stringify(config)]);
  },
});
