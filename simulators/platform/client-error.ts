// The model's answer to a request Node's HTTP parser refused (unknown method, oversize headers, broken framing): the owning vendor's error, then the connection closed cleanly.
import type { Socket } from 'node:net';
import type { PlatformFault } from './faults.ts';

type Render = (url: string, fault: PlatformFault) => { status: number; body: unknown };

/** How long a refused connection may go on sending before it is cut. */
const DRAIN_MS = 5_000;

const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) HTTP\/1\.[01]\r?\n/;

/** What the parser refused, as a fault of the path the request line names (the raw bytes Node keeps on the error). */
const faultOf = (
  err: Error & { code?: string; rawPacket?: Buffer },
): { url: string; fault: PlatformFault } => {
  // Oversize headers: the packet Node keeps is the chunk that overflowed, not the request line, so the path (and the
  // vendor) is unknown; the answer is the platform's plain JSON 431.
  if (err.code === 'HPE_HEADER_OVERFLOW') return { url: '/', fault: { kind: 'headers-too-large' } };
  const line = REQUEST_LINE.exec(err.rawPacket?.subarray(0, 8192).toString('latin1') ?? '');
  const url = line?.[2] ?? '/';
  if (err.code === 'HPE_INVALID_METHOD' && line)
    return { url, fault: { kind: 'not-found', method: line[1]!, path: url.split('?')[0] ?? url } };
  return {
    url,
    fault: {
      kind: 'malformed-body',
      detail: `the request is not valid HTTP/1.1 (${err.code ?? 'parse error'})`,
    },
  };
};

/**
 * Answers once with the owning vendor's error (found from the request line, as for any refused request), marked
 * `Connection: close`, then reads and drops whatever the client still sends (the rest of an oversize header) until
 * it closes. Fastify's default neither names a vendor nor says `Connection: close`, and destroys a socket that still
 * has unread data: a proxy in front (WireMock reuses its connections to the model) then reports a broken pipe, or
 * sends the next, unrelated request down the dead connection, and both come back as WireMock's "Network failure"
 * naming the model's address.
 */
export const clientErrorAnswerer = (render: Render) => {
  const answered = new WeakSet<Socket>();
  return (error: Error, socket: Socket): void => {
    const err = error as Error & { code?: string; rawPacket?: Buffer };
    // Node reports the parse error again for every chunk that still arrives: answer once, drain the rest.
    if (err.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
    answered.add(socket);
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const { url, fault } = faultOf(err);
    const { status, body } = render(url, fault);
    const text = JSON.stringify(body);
    socket.on('data', () => {});
    socket.resume();
    const timer = setTimeout(() => socket.destroy(), DRAIN_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Error'}\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  };
};
