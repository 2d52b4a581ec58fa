// What the EnOS simulator knows besides commands: organisations, devices by assetId and by productKey+deviceKey, applications, tokens.
import type { EnosDevice } from './fleet.ts';

export type EnosApp = {
  appKey: string;
  appSecret: string;
  /** Organisations the application may act on (99403 elsewhere). */
  orgs: Set<string>;
  /** When set, the token service hands out this token for the app (provider states pin it). */
  presetToken?: string;
  /** Seconds the app's tokens live. */
  expireSeconds: number;
};

export type LiveToken = { appKey: string; expiresAt: number };

/** The device's key in the command store: its assetId. */
export const storeKeyOf = (d: EnosDevice): string => d.assetId;

export class World {
  readonly orgs = new Set<string>();
  readonly apps = new Map<string, EnosApp>();
  private readonly byAsset = new Map<string, EnosDevice>();
  private readonly byKeys = new Map<string, EnosDevice>();
  private readonly tokens = new Map<string, LiveToken>();
  private readonly usedEncryptions = new Set<string>();
  private tokenCounter = 0;

  clear(): void {
    this.orgs.clear();
    this.apps.clear();
    this.byAsset.clear();
    this.byKeys.clear();
    this.tokens.clear();
    this.usedEncryptions.clear();
    this.tokenCounter = 0;
  }

  /** Registers a device; false when its assetId or productKey+deviceKey is already taken. */
  addDevice(d: EnosDevice): boolean {
    const keys = `${d.productKey}/${d.deviceKey}`;
    if (this.byAsset.has(d.assetId) || this.byKeys.has(keys)) return false;
    this.orgs.add(d.orgId);
    this.byAsset.set(d.assetId, d);
    this.byKeys.set(keys, d);
    return true;
  }

  deviceByAsset(assetId: string): EnosDevice | undefined {
    return this.byAsset.get(assetId);
  }

  deviceByKeys(productKey: string, deviceKey: string): EnosDevice | undefined {
    return this.byKeys.get(`${productKey}/${deviceKey}`);
  }

  addApp(app: EnosApp): void {
    this.apps.set(app.appKey, app);
  }

  /** Makes `token` a live token of `appKey` until `expiresAt` (platform ms). */
  grant(token: string, appKey: string, expiresAt: number): void {
    this.tokens.set(token, { appKey, expiresAt });
  }

  token(token: string): LiveToken | undefined {
    return this.tokens.get(token);
  }

  /** A fresh token id for an app: its preset one, else `<n>-<hex>` derived from the counter (deterministic). */
  nextToken(app: EnosApp, mint: (n: number) => string): string {
    return app.presetToken ?? mint(++this.tokenCounter);
  }

  /** Records an `encryption` of the token service; false when it was used before (1001). */
  useEncryption(encryption: string): boolean {
    if (this.usedEncryptions.has(encryption)) return false;
    this.usedEncryptions.add(encryption);
    return true;
  }
}
