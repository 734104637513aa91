/**
 * The SDK's first HTTP call, answered from Playwright: `POST https://api.videosdk.live/infra/v1/
 * meetings/init-config` (videosdk.js 45997). Any other request to a VideoSDK host is a protocol
 * change and is reported, then aborted (nothing here ever reaches the internet).
 */
import type { Page, Route } from 'playwright';

/** How the emulated API answers init-config. */
export type InitConfigReply =
  | { readonly kind: 'ok' }
  /** A non-200 reply: the SDK reads `{code, error}` and reports an `error` event with that code. */
  | { readonly kind: 'error'; readonly status: number; readonly code: number; readonly error: string }
  /** Never answers (an API that is unreachable without failing). */
  | { readonly kind: 'hang' };

/** Where the SDK is told to open its signalling socket. */
export interface SignallingAddress {
  /** host[:port] of `socketUrl`: the SDK opens `wss://<socketUrl><socketPath>/socket.io/?…`. */
  readonly socketUrl: string;
  readonly socketPath: string;
}

const INIT_CONFIG = 'https://api.videosdk.live/infra/v1/meetings/init-config';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'POST, OPTIONS',
};

/**
 * The 200 reply. `observability` and its `traces` must be objects (the SDK dereferences them, 46041);
 * `iceServers` is AES-encrypted with a key in the bundle, and a value that does not decrypt becomes
 * `[]` (46095), which is what loopback media needs.
 */
function okBody(address: SignallingAddress): unknown {
  return {
    data: {
      baseUrl: 'api.videosdk.live',
      socketUrl: address.socketUrl,
      socketPath: address.socketPath,
      signalingUrl: address.socketUrl,
      iceServers: 'emulated-no-ice-servers',
      observability: {
        jwt: '',
        traces: { enabled: false, endPoint: '' },
        logs: { enabled: false, endPoint: '' },
        metaData: {},
      },
    },
  };
}

/** Routes init-config (and fences off every other VideoSDK host) for one page. */
export class InitConfigRoute {
  /** Every init-config POST: the room asked for and whether a token was sent. */
  readonly calls: Array<{ readonly roomId: unknown; readonly authorization: string | undefined }> = [];
  reply: InitConfigReply = { kind: 'ok' };
  private readonly hanging: Route[] = [];

  constructor(
    private readonly address: SignallingAddress,
    private readonly onProtocolError: (detail: string) => void,
  ) {}

  async install(page: Page): Promise<void> {
    await page.route(/^https:\/\/[^/]*videosdk\.live\//, (route) => this.handle(route));
  }

  /** Aborts requests left hanging, so the page can close. */
  async release(): Promise<void> {
    for (const route of this.hanging.splice(0)) await route.abort().catch(() => undefined);
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    if (request.url() !== INIT_CONFIG) {
      this.onProtocolError(`the SDK called ${request.method()} ${request.url()}, which the emulator does not serve`);
      return route.abort('blockedbyclient');
    }
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    let roomId: unknown;
    try {
      roomId = (request.postDataJSON() as { roomId?: unknown } | null)?.roomId;
    } catch {
      roomId = undefined;
    }
    this.calls.push({ roomId, authorization: request.headers()['authorization'] });
    const reply = this.reply;
    if (reply.kind === 'hang') {
      this.hanging.push(route);
      return;
    }
    const [status, body] = reply.kind === 'ok' ? [200, okBody(this.address)] : [reply.status, { code: reply.code, error: reply.error }];
    return route.fulfill({ status, headers: CORS, contentType: 'application/json', body: JSON.stringify(body) });
  }
}
