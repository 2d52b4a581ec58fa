// What both example clients share: the harness's environment variables and one raw OceanConnect HTTP call.

/** A variable `harness gate` exports (see gate/README.md); a missing one stops the client. */
export const env = (name: string): string => {
  const v = process.env[name];
  if (v === undefined || v === '')
    throw new Error(`${name} is not set: run this client under \`harness gate\``);
  return v;
};
export const envList = (name: string): string[] => env(name).split(',').filter(Boolean);
export const envNumber = (name: string): number => Number(env(name));

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export type OcAnswer = { status: number; body: Record<string, unknown> };

export type OcSession = { baseUrl: string; appId: string; accessToken: string };

/** `POST /iocm/app/sec/v1.1.0/login` with the form fields. */
export const ocLogin = async (baseUrl: string, appId: string, secret: string): Promise<OcSession> => {
  const res = await fetch(`${baseUrl}/iocm/app/sec/v1.1.0/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ appId, secret }).toString(),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (!res.ok || !body.accessToken) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`);
  return { baseUrl, appId, accessToken: body.accessToken };
};

export const OC_CMD = '/iocm/app/cmd/v1.4.0';

/** One command-API call; `omitAppKey` leaves the app_key header out (what a careless client does). */
export const ocCall = async (
  s: OcSession,
  method: string,
  path: string,
  opts: { query?: Record<string, string>; body?: unknown; omitAppKey?: boolean } = {},
): Promise<OcAnswer> => {
  const qs = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : '';
  const headers: Record<string, string> = { authorization: `Bearer ${s.accessToken}` };
  if (!opts.omitAppKey) headers.app_key = s.appId;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${s.baseUrl}${OC_CMD}${path}${qs}`, {
    method,
    headers,
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body };
};

export const isThrottled = (a: OcAnswer): boolean => a.status === 403 && a.body.error_code === '1010009';

export const commandBody = (deviceId: string, n: number) => ({
  deviceId,
  command: { serviceId: 'Switch', method: 'SET', paras: { value: n } },
  expireTime: 3600,
});
