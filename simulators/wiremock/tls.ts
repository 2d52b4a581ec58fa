// Certificates made for one run: a CA, certificates it issues (the front door's, test clients'), PEM and PKCS#12 files.
import { generateKeyPair, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';

const generateRsa = promisify(generateKeyPair);

/** A certificate with its private key, both as forge objects and as PEM. */
export type Issued = {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  certPem: string;
  keyPem: string;
};

/** Long enough for any run, short enough that a leaked file is useless soon. */
const VALID_DAYS = 7;

/** RSA 2048 through Node's native crypto (forge's own key generation is pure JavaScript and takes seconds). */
const newKeys = async (): Promise<{
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
}> => {
  const { privateKey, publicKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
  };
};

const baseCertificate = (publicKey: forge.pki.rsa.PublicKey, commonName: string): forge.pki.Certificate => {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // Positive (leading 0x01) and random, so two runs never issue the same serial.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 5 * 60_000);
  cert.validity.notAfter = new Date(Date.now() + VALID_DAYS * 86_400_000);
  cert.setSubject([
    { name: 'organizationName', value: 'iot-command-harness' },
    { name: 'commonName', value: commonName },
  ]);
  return cert;
};

const issuedOf = (cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey): Issued => ({
  cert,
  key,
  certPem: forge.pki.certificateToPem(cert),
  keyPem: forge.pki.privateKeyToPem(key),
});

/** A self-signed CA with the extensions strict verifiers (Python 3.13's VERIFY_X509_STRICT, Go) insist on. */
export const makeCa = async (commonName: string): Promise<Issued> => {
  const keys = await newKeys();
  const cert = baseCertificate(keys.publicKey, commonName);
  cert.setIssuer(cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return issuedOf(cert, keys.privateKey);
};

export type Usage = { server: true; hosts: readonly string[] } | { server?: false; client: true };

const IP = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A leaf certificate issued by `ca`: for a server (names and IPs in subjectAltName) or for a TLS client. */
export const issue = async (ca: Issued, commonName: string, usage: Usage): Promise<Issued> => {
  const keys = await newKeys();
  const cert = baseCertificate(keys.publicKey, commonName);
  cert.setIssuer(ca.cert.subject.attributes);
  const caKeyId = (ca.cert as unknown as { generateSubjectKeyIdentifier(): forge.util.ByteStringBuffer })
    .generateSubjectKeyIdentifier()
    .getBytes();
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    usage.server ? { name: 'extKeyUsage', serverAuth: true } : { name: 'extKeyUsage', clientAuth: true },
    ...(usage.server
      ? [
          {
            name: 'subjectAltName',
            altNames: usage.hosts.map((h) => (IP.test(h) ? { type: 7, ip: h } : { type: 2, value: h })),
          },
        ]
      : []),
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return issuedOf(cert, keys.privateKey);
};

/** PKCS#12 bytes holding `leaf`'s key and its chain up to `ca`, the keystore format Java reads without a keytool step. */
export const pkcs12Of = (leaf: Issued, ca: Issued, password: string): Buffer => {
  const asn1 = forge.pkcs12.toPkcs12Asn1(leaf.key, [leaf.cert, ca.cert], password, {
    algorithm: '3des',
    friendlyName: 'front-door',
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
};

/** The files one TLS front door needs: the CA clients trust, and the keystore WireMock serves. */
export type FrontDoorTls = {
  /** PEM of the run's CA: what clients pass as their trusted CA (curl --cacert, undici `ca`, requests `verify`). */
  caFile: string;
  /** PKCS#12 keystore with the server key and its chain. */
  keystoreFile: string;
  keystorePassword: string;
};

/** Front-door hosts the server certificate is valid for. */
export const FRONT_DOOR_HOSTS = ['127.0.0.1', 'localhost'] as const;

/** Makes a CA and a server certificate for 127.0.0.1/localhost for this run, and writes them into `dir`. */
export const makeFrontDoorTls = async (dir: string): Promise<FrontDoorTls> => {
  const ca = await makeCa('iot-command-harness run CA');
  const server = await issue(ca, 'iot-command-harness front door', { server: true, hosts: FRONT_DOOR_HOSTS });
  const keystorePassword = randomBytes(12).toString('hex');
  const caFile = join(dir, 'ca.pem');
  const keystoreFile = join(dir, 'front-door.p12');
  await Promise.all([
    writeFile(caFile, ca.certPem, { mode: 0o644 }),
    writeFile(keystoreFile, pkcs12Of(server, ca, keystorePassword), { mode: 0o600 }),
  ]);
  return { caFile, keystoreFile, keystorePassword };
};
