// The WireMock flags every front door gets (header fidelity, Jetty's header limit, a container's view of the model); light to import, so `harness sim` can start the JVM before it loads the simulator.
import type { LaunchOptions } from './wiremock/options.ts';

/**
 * Jetty refuses request headers over its limit with its own HTML page (`<h1>Bad Message 431</h1>`), which no mapping
 * can change; the model refuses them above 16 KiB (Node's limit) with JSON. With Jetty's limit far above the
 * model's, oversize headers get the model's JSON 431; only beyond 1 MiB does Jetty's page remain.
 */
const HEADER_LIMIT = ['--jetty-header-request-size', String(1024 * 1024)];

/**
 * WireMock must proxy what clients sign unchanged: IoTDA's AK/SK signature covers `Host`, and the vendor's Python SDK
 * signs `User-Agent` too, which WireMock's proxy replaces with its own unless told to keep it
 * (simulators/front-door.test.ts).
 */
export const FRONT_DOOR_FLAGS = ['--preserve-host-header', '--preserve-user-agent-proxy-header'] as const;

/** The flags above and Jetty's header limit on top of the caller's; a container also needs the model's port forwarded. */
export const frontDoorOptions = (launch: LaunchOptions, platformUrl: string | undefined): LaunchOptions => {
  if (launch.launcher === 'external') return launch;
  const extraArgs = [...new Set([...(launch.extraArgs ?? []), ...FRONT_DOOR_FLAGS, ...HEADER_LIMIT])];
  if (launch.launcher === 'container')
    return {
      ...launch,
      extraArgs,
      ...(platformUrl ? { hostPorts: [Number(new URL(platformUrl).port)] } : {}),
    };
  return { ...launch, extraArgs };
};
