// How a request is told apart as one endpoint of a vendor (method, path pattern, EnOS action), and whether it writes.
import { z } from 'zod';

export const EndpointRoute = z.object({
  /** The endpoint's name in its contract (`createRevocationTask`, `cancel`, `showAsyncCommand`). */
  endpoint: z.string().min(1),
  methods: z.array(z.string()).min(1),
  /** Source of an anchored regular expression over the URL path (no query). */
  path: z.string().min(1),
  /** The `action` query value that selects the endpoint (EnOS); absent: any. */
  action: z.string().optional(),
  /** Changes the platform's state: a client that recovered from a failure must have it done again. */
  write: z.boolean(),
});
export type EndpointRoute = z.infer<typeof EndpointRoute>;

/** The route a request takes, or undefined when none of `routes` matches it. */
export const routeOf = (
  routes: readonly EndpointRoute[],
  method: string,
  url: string,
): EndpointRoute | undefined => {
  const u = new URL(url, 'http://route.invalid');
  return routes.find(
    (r) =>
      r.methods.includes(method.toUpperCase()) &&
      new RegExp(r.path).test(u.pathname) &&
      (r.action === undefined || u.searchParams.get('action') === r.action),
  );
};
