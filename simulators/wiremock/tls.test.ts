// The run's certificates, read back with Node's own X.509 parser: a real CA, a server certificate it signed, the right names.
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { issue, makeCa, makeFrontDoorTls, pkcs12Of } from './tls.ts';

describe('certificates made for a run', () => {
  it('the CA is a CA; the server certificate chains to it and names 127.0.0.1 and localhost only', async () => {
    const ca = await makeCa('test CA');
    const server = await issue(ca, 'door', { server: true, hosts: ['127.0.0.1', 'localhost'] });
    const caX = new X509Certificate(ca.certPem);
    const serverX = new X509Certificate(server.certPem);
    expect(caX.ca).toBe(true);
    expect(caX.verify(caX.publicKey)).toBe(true);
    expect(serverX.ca).toBe(false);
    expect(serverX.verify(caX.publicKey)).toBe(true);
    expect(serverX.checkIssued(caX)).toBe(true);
    expect(serverX.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(serverX.checkHost('localhost')).toBe('localhost');
    expect(serverX.checkHost('vendor.example')).toBeUndefined();
    expect(serverX.keyUsage).toContain('1.3.6.1.5.5.7.3.1'); // serverAuth
  });

  it('a client certificate is for client authentication and names no host', async () => {
    const ca = await makeCa('client CA');
    const client = new X509Certificate((await issue(ca, 'client', { client: true })).certPem);
    expect(client.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']); // clientAuth
    expect(client.subjectAltName).toBeUndefined();
  });

  it('two runs never share a CA', async () => {
    const [a, b] = await Promise.all([makeCa('x'), makeCa('x')]);
    expect(a.cert.serialNumber).not.toBe(b.cert.serialNumber);
    expect(a.certPem).not.toBe(b.certPem);
  });

  it('writes the CA as PEM and a PKCS#12 keystore that opens with its password and holds the chain', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tls-test-'));
    try {
      const files = await makeFrontDoorTls(dir);
      const caX = new X509Certificate(await readFile(files.caFile));
      const der = (await readFile(files.keystoreFile)).toString('binary');
      const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), files.keystorePassword);
      const certs = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
      const keys =
        p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ??
        [];
      expect(keys).toHaveLength(1);
      expect(certs).toHaveLength(2);
      const leaf = new X509Certificate(forge.pki.certificateToPem(certs[0]!.cert!));
      expect(leaf.verify(caX.publicKey)).toBe(true);
      expect(() =>
        forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), `${files.keystorePassword}x`),
      ).toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('pkcs12Of keeps the leaf first, then its CA', async () => {
    const ca = await makeCa('order CA');
    const leaf = await issue(ca, 'leaf', { server: true, hosts: ['localhost'] });
    const der = pkcs12Of(leaf, ca, 'pw').toString('binary');
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), 'pw');
    const certs = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
    expect(certs.map((b) => b.cert?.subject.getField('CN')?.value)).toEqual(['leaf', 'order CA']);
  });
});
