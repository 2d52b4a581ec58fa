// Huawei's Python IoTDA SDK (huaweicloudsdkiotda + huaweicloudsdkcore, pinned in sdks/requirements.txt) against `harness sim`.
import path from 'node:path';
import { SDKS_DIR } from '../provision/cache.ts';
import { ensureVenv, findPython, pinnedVersion } from '../provision/python.ts';
import { Driver } from '../runner/driver.ts';
import { iotdaSdkSuite } from './scenario.ts';

const DRIVER = path.join(SDKS_DIR, 'iotda', 'python_driver.py');

iotdaSdkSuite({
  name: `Python huaweicloudsdkiotda ${pinnedVersion('huaweicloudsdkiotda')} (core ${pinnedVersion('huaweicloudsdkcore')})`,
  missing: findPython() ? undefined : 'no Python 3.8+ on the PATH (python3, python, or HARNESS_PYTHON)',
  errorKind: 'ClientRequestException',
  provision: async () => {
    const venv = await ensureVenv({ onProgress: (line) => console.log(line) });
    if (!venv.ok) throw new Error(venv.message);
    return (config) => new Driver(venv.python, [DRIVER, JSON.stringify(config)]);
  },
});
