/**
 * A local stand-in for VideoSDK's REST API on 127.0.0.1 (the real server SDK is its client). It serves
 * the webhook public key of the test RSA key (webhook-signing.ts). It enforces the documented contract on every
 * request (fake-contract.ts: raw JWT in Authorization, HS256 signature, claims, exact bodies and
 * queries, join tokens and output= inside templateUrls), records what it saw, answers like VideoSDK
 * and can inject faults: error statuses, 429 with Retry-After, hangs, resets and malformed bodies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type JWTPayload, jwtVerify } from 'jose';
import { ENDPOINTS, type CreateRoomBody } from '../../src/server/rest-bodies.js';
import type { HlsEntry, LivestreamEntry, RecordingList } from '../../src/server/rest-replies.js';
import { WEBHOOK_PUBLIC_KEY } from './webhook-signing.js';
import { getQueryProblems, POST_BODIES, PUBLIC_KEY_PATH, RECORDING_PATH, restClaimProblems, TEMPLATE_OUTPUT, templateProblems } from './fake-contract.js';

/** A fault the next matching request gets instead of the normal answer. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly body?: string; readonly headers?: Record<string, string> }
  | { readonly kind: 'hang' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'malformed' };

/** One request as the fake received it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly claims: JWTPayload | undefined;
  readonly body: unknown;
  /** Contract violations found in this request (empty when it was well-formed). */
  readonly problems: readonly string[];
}

interface Paged<T> {
  pageInfo: { currentPage: number; perPage: number; lastPage: number; total: number };
  data: T[];
}

function paged<T>(all: readonly T[], query: URLSearchParams): Paged<T> {
  const perPage = Number(query.get('perPage') ?? 20);
  const currentPage = Number(query.get('page') ?? 1);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  return { pageInfo: { currentPage, perPage, lastPage, total: all.length }, data: all.slice((currentPage - 1) * perPage, currentPage * perPage) };
}

/** The fake server; start it with `FakeRestApi.start`. */
export class FakeRestApi {
  readonly url: string;
  readonly requests: SeenRequest[] = [];
  /** Faults served in order to the next requests, one each. */
  readonly faults: Fault[] = [];
  /** Recordings returned by GET /v2/recordings, per room (and by id from GET/DELETE /v2/recordings/{id}). */
  readonly recordings = new Map<string, RecordingList['data']>();
  /** HLS streams returned by GET /v2/hls/, per room. */
  readonly hlsStreams = new Map<string, HlsEntry[]>();
  /** Live streams returned by GET /v2/livestreams/, per room. */
  readonly livestreams = new Map<string, LivestreamEntry[]>();
  /** What each POST answers when it succeeds (VideoSDK sends JSON strings or objects). */
  readonly replies: Record<string, string> = {
    [ENDPOINTS.start]: JSON.stringify('Recording started successfully'),
    [ENDPOINTS.end]: JSON.stringify('Recording ended successfully'),
    [ENDPOINTS.trackStart]: JSON.stringify('Participant track recording started successfully'),
    [ENDPOINTS.trackStop]: JSON.stringify('Participant track recording stopped successfully'),
    [ENDPOINTS.participantStart]: JSON.stringify('Participant recording started successfully'),
    [ENDPOINTS.participantStop]: JSON.stringify('Participant recording stopped successfully'),
    [ENDPOINTS.hlsStart]: JSON.stringify({ id: 'hls-1', roomId: 'r', sessionId: 'session-1', playbackHlsUrl: 'https://cdn.videosdk.live/hls/r/index.m3u8', livestreamUrl: 'https://cdn.videosdk.live/live/r/index.m3u8' }),
    [ENDPOINTS.hlsEnd]: JSON.stringify('HLS stopped successfully'),
    [ENDPOINTS.livestreamStart]: JSON.stringify('Livestream started successfully'),
    [ENDPOINTS.livestreamEnd]: JSON.stringify('Livestream stopped successfully'),
  };
  private readonly server: Server;
  private readonly secret: Uint8Array;
  private readonly apiKey: string;
  private rooms = 0;

  private constructor(server: Server, secret: string, apiKey: string) {
    this.server = server;
    this.secret = new TextEncoder().encode(secret);
    this.apiKey = apiKey;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Starts the fake on a random loopback port. */
  static async start(secret: string, apiKey: string): Promise<FakeRestApi> {
    let fake: FakeRestApi | undefined;
    const server = createServer((request, response) => {
      void fake?.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeRestApi(server, secret, apiKey);
    return fake;
  }

  /** Every contract violation seen so far, with the request it was in. */
  get problems(): string[] {
    return this.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`));
  }

  /** Clears what the tests between them left: requests and faults. */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
  }

  /** Stops the server and drops every open connection (hung requests included). */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async authProblems(authorization: string | undefined): Promise<{ problems: string[]; claims?: JWTPayload; failed: boolean }> {
    if (authorization === undefined) return { problems: ['no Authorization header'], failed: true };
    if (/^bearer\s/i.test(authorization)) return { problems: ['Authorization must be the raw JWT, without "Bearer"'], failed: true };
    try {
      const claims = (await jwtVerify(authorization, this.secret, { algorithms: ['HS256'] })).payload;
      return { problems: restClaimProblems(claims, this.apiKey), claims, failed: false };
    } catch {
      // A bad signature or an expired token is the caller's credentials problem, not a contract bug.
      return { problems: [], failed: true };
    }
  }

  private async bodyProblems(path: string, contentType: string | undefined, text: string): Promise<{ problems: string[]; body: unknown }> {
    const problems: string[] = [];
    let body: unknown;
    if (!/^application\/json/.test(contentType ?? '')) problems.push('content-type must be application/json');
    try {
      body = JSON.parse(text);
    } catch {
      problems.push('body is not JSON');
    }
    const schema = POST_BODIES[path];
    if (schema === undefined) return { problems: [...problems, 'unknown endpoint'], body };
    const parsed = schema.safeParse(body);
    if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `body ${i.path.join('.') || '(root)'}: ${i.message}`));
    const record = (body ?? {}) as { roomId?: string; templateUrl?: unknown } & CreateRoomBody;
    const output = TEMPLATE_OUTPUT[path];
    if (output !== undefined && typeof record.templateUrl === 'string') problems.push(...(await templateProblems(record.templateUrl, record.roomId, output, this.secret, this.apiKey)));
    // A room's auto-start runs before anyone knows its id: its templateUrls name no room.
    for (const [part, kind] of [['recording', 'recording'], ['hls', 'hls']] as const) {
      const templateUrl = record.autoStartConfig?.[part]?.templateUrl;
      if (path === ENDPOINTS.rooms && typeof templateUrl === 'string') problems.push(...(await templateProblems(templateUrl, undefined, kind, this.secret, this.apiKey)));
    }
    return { problems, body };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? '?';
    const auth = await this.authProblems(request.headers.authorization);
    const problems = [...auth.problems];
    let body: unknown;
    if (method === 'POST') {
      const checked = await this.bodyProblems(url.pathname, request.headers['content-type'], text);
      problems.push(...checked.problems);
      body = checked.body;
    } else if (method === 'GET') problems.push(...getQueryProblems(url.pathname, url.searchParams));
    else if (method === 'DELETE') {
      if (!RECORDING_PATH.test(url.pathname)) problems.push('unknown endpoint');
      if ([...url.searchParams.keys()].length > 0 || text !== '') problems.push('DELETE carries no query and no body');
    } else problems.push(`unexpected method ${method}`);
    this.requests.push({ method, path: url.pathname, query: url.searchParams, authorization: request.headers.authorization, contentType: request.headers['content-type'], claims: auth.claims, body, problems });

    const fault = this.faults.shift();
    if (fault !== undefined) return this.serveFault(fault, request, response);
    if (auth.failed) return this.send(response, 401, JSON.stringify({ error: 'Token is invalid or expired', statusCode: 401 }));
    if (problems.length > 0) return this.send(response, 400, JSON.stringify({ error: problems.join('; '), statusCode: 400 }));
    const [status, reply] = this.answer(method, url, body);
    this.send(response, status, reply);
  }

  private answer(method: string, url: URL, body: unknown): [number, string] {
    // /v2/recordings/start and /end are POSTs; only GET and DELETE address a recording by id.
    const id = method === 'POST' ? undefined : RECORDING_PATH.exec(url.pathname)?.[1];
    if (id !== undefined) {
      const found = [...this.recordings.values()].flat().find((r) => r.id === id);
      if (found === undefined) return [404, JSON.stringify({ error: 'Recording not found', statusCode: 404 })];
      return [200, method === 'GET' ? JSON.stringify(found) : JSON.stringify('Recording deleted successfully')];
    }
    const room = url.searchParams.get('roomId') ?? '';
    if (url.pathname === ENDPOINTS.list) {
      const all = (this.recordings.get(room) ?? []).filter((r) => !url.searchParams.get('sessionId') || r.sessionId === url.searchParams.get('sessionId'));
      return [200, JSON.stringify(paged(all, url.searchParams))];
    }
    if (url.pathname === ENDPOINTS.hlsList) return [200, JSON.stringify(paged(this.hlsStreams.get(room) ?? [], url.searchParams))];
    if (url.pathname === PUBLIC_KEY_PATH) return [200, JSON.stringify({ publicKey: WEBHOOK_PUBLIC_KEY })];
    if (url.pathname === ENDPOINTS.livestreamList) return [200, JSON.stringify({ data: this.livestreams.get(room) ?? [] })];
    if (url.pathname === ENDPOINTS.rooms) {
      this.rooms += 1;
      const { customRoomId } = (body ?? {}) as CreateRoomBody;
      return [200, JSON.stringify({ roomId: `room-${this.rooms}-fake`, ...(customRoomId ? { customRoomId } : {}), id: `64b0c1f2a9e8d7c6b5a4321${this.rooms % 10}`, disabled: false, createdAt: '2024-05-01T10:00:00.000Z' })];
    }
    return [200, this.replies[url.pathname] ?? '""'];
  }

  private serveFault(fault: Fault, request: IncomingMessage, response: ServerResponse): void {
    switch (fault.kind) {
      case 'status':
        this.send(response, fault.status, fault.body ?? JSON.stringify({ error: `injected ${fault.status}`, statusCode: fault.status }), fault.headers);
        return;
      case 'hang':
        return;
      case 'reset':
        request.socket.resetAndDestroy();
        return;
      case 'malformed':
        this.send(response, 200, '{"pageInfo": {"currentPage": 1, "data": [');
        return;
    }
  }

  private send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  }
}
