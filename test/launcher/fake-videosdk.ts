/**
 * A local stand-in for VideoSDK's recording REST API on 127.0.0.1. It enforces the documented
 * contract on every request (raw JWT in Authorization, HS256 signature, claims, exact body shapes),
 * records what it saw, and can inject faults: error statuses, 429 with Retry-After, hangs, resets and
 * malformed bodies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type JWTPayload, jwtVerify } from 'jose';
import { z } from 'zod';
import { LAYOUT_PRIORITIES, LAYOUT_TYPES, MODES, ORIENTATIONS, QUALITIES, THEMES } from '../../src/config/options.js';
import {
  ENDPOINTS,
  type EndRecordingBody,
  type RecordingList,
  type StartRecordingBody,
  TRACK_KINDS,
  type TrackStartBody,
  type TrackStopBody,
} from '../../src/launcher/rest-api.js';

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
  readonly claims: JWTPayload | undefined;
  readonly body: unknown;
  /** Contract violations found in this request (empty when it was well-formed). */
  readonly problems: readonly string[];
}

const Id = z.string().min(1);
const HttpsUrl = z.string().refine((s) => URL.canParse(s) && new URL(s).protocol === 'https:', 'an https URL');
const HttpUrl = z.string().refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'an http(s) URL');

// The documented bodies, strict: a field the docs do not list is a contract violation.
const StartBodySchema = z.strictObject({
  roomId: Id,
  templateUrl: HttpUrl.optional(),
  transcription: z
    .strictObject({
      enabled: z.boolean(),
      summary: z.strictObject({ enabled: z.boolean(), prompt: z.string().optional() }).optional(),
    })
    .optional(),
  config: z
    .strictObject({
      layout: z.strictObject({
        type: z.enum(LAYOUT_TYPES),
        priority: z.enum(LAYOUT_PRIORITIES),
        gridSize: z.number().int().min(1).max(4),
      }),
      theme: z.enum(THEMES),
      mode: z.enum(MODES),
      quality: z.enum(QUALITIES),
      orientation: z.enum(ORIENTATIONS),
    })
    .optional(),
  webhookUrl: HttpUrl.optional(),
  awsDirPath: z.string().min(1).optional(),
  preSignedUrl: HttpsUrl.optional(),
}) satisfies z.ZodType<StartRecordingBody>;
const EndBodySchema = z.strictObject({ roomId: Id }) satisfies z.ZodType<EndRecordingBody>;
const TrackStartSchema = z.strictObject({
  roomId: Id,
  participantId: Id,
  kind: z.enum(TRACK_KINDS),
  fileFormat: z.literal('webm'),
  webhookUrl: HttpUrl.optional(),
  bucketDirPath: z.string().min(1).optional(),
}) satisfies z.ZodType<TrackStartBody>;
const TrackStopSchema = z.strictObject({
  roomId: Id,
  participantId: Id,
  kind: z.enum(TRACK_KINDS),
}) satisfies z.ZodType<TrackStopBody>;

const BODY_SCHEMAS: Record<string, z.ZodType> = {
  [ENDPOINTS.start]: StartBodySchema,
  [ENDPOINTS.end]: EndBodySchema,
  [ENDPOINTS.trackStart]: TrackStartSchema,
  [ENDPOINTS.trackStop]: TrackStopSchema,
};

const PERMISSION_VALUES = ['allow_join', 'ask_join', 'allow_mod'];

/** Checks a REST token's claims as VideoSDK documents them; returns the problems found. */
function restClaimProblems(claims: JWTPayload, apiKey: string): string[] {
  const problems: string[] = [];
  if (claims.apikey !== apiKey) problems.push('token: apikey does not match');
  if (claims.version !== 2) problems.push('token: version must be 2');
  const permissions = claims.permissions;
  if (!Array.isArray(permissions) || permissions.length === 0 || !permissions.every((p) => PERMISSION_VALUES.includes(String(p)))) {
    problems.push('token: permissions must be a non-empty list of allow_join, ask_join, allow_mod');
  } else if (permissions.includes('ask_join') && permissions.length > 1) {
    problems.push('token: ask_join cannot be combined');
  }
  const roles = claims.roles;
  if (roles !== undefined && (!Array.isArray(roles) || roles.some((r) => r !== 'rtc' && r !== 'crawler'))) {
    problems.push('token: roles must be rtc and/or crawler');
  }
  if (Array.isArray(roles) && roles.length === 1 && roles[0] === 'rtc') problems.push('token: an rtc-only token cannot call the REST API');
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') problems.push('token: iat and exp are required');
  else if (claims.exp - claims.iat > 3600) problems.push('token: a REST token should be short-lived (at most 1h)');
  if (claims.participantId !== undefined) problems.push('token: a REST token must not be bound to a participant');
  return problems;
}

/** The fake server; start it with `FakeVideoSdk.start`. */
export class FakeVideoSdk {
  readonly url: string;
  readonly requests: SeenRequest[] = [];
  /** Faults served in order to the next requests, one each. */
  readonly faults: Fault[] = [];
  /** Recordings returned by GET /v2/recordings, per room. */
  readonly recordings = new Map<string, RecordingList['data']>();
  /** What a successful start/end answers (VideoSDK sends a JSON string). */
  startReply = JSON.stringify('Recording started successfully');
  private readonly server: Server;
  private readonly secret: Uint8Array;
  private readonly apiKey: string;

  private constructor(server: Server, secret: string, apiKey: string) {
    this.server = server;
    this.secret = new TextEncoder().encode(secret);
    this.apiKey = apiKey;
    const address = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
  }

  /** Starts the fake on a random loopback port. */
  static async start(secret: string, apiKey: string): Promise<FakeVideoSdk> {
    let fake: FakeVideoSdk | undefined;
    const server = createServer((request, response) => {
      void fake?.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeVideoSdk(server, secret, apiKey);
    return fake;
  }

  /** Every contract violation seen so far, with the request it was in. */
  get problems(): string[] {
    return this.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`));
  }

  /** Stops the server and drops every open connection (hung requests included). */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', this.url);
    const problems: string[] = [];
    const authorization = request.headers.authorization;
    let claims: JWTPayload | undefined;
    let authFailed = false;
    if (authorization === undefined) {
      problems.push('no Authorization header');
      authFailed = true;
    } else if (/^bearer\s/i.test(authorization)) {
      problems.push('Authorization must be the raw JWT, without "Bearer"');
      authFailed = true;
    } else {
      try {
        claims = (await jwtVerify(authorization, this.secret, { algorithms: ['HS256'] })).payload;
        problems.push(...restClaimProblems(claims, this.apiKey));
      } catch (error) {
        // A bad signature or an expired token is the caller's credentials problem, not a contract bug.
        authFailed = true;
        claims = undefined;
        void error;
      }
    }
    let body: unknown;
    if (request.method === 'POST') {
      if (!/^application\/json/.test(request.headers['content-type'] ?? '')) problems.push('content-type must be application/json');
      try {
        body = JSON.parse(text);
      } catch {
        problems.push('body is not JSON');
      }
      const schema = BODY_SCHEMAS[url.pathname];
      if (schema === undefined) problems.push('unknown endpoint');
      else {
        const parsed = schema.safeParse(body);
        if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `body ${i.path.join('.') || '(root)'}: ${i.message}`));
      }
      if (url.pathname === ENDPOINTS.start && typeof (body as { templateUrl?: unknown })?.templateUrl === 'string') {
        problems.push(...(await this.templateProblems((body as StartRecordingBody).templateUrl!, (body as StartRecordingBody).roomId)));
      }
    } else if (request.method === 'GET') {
      if (url.pathname !== ENDPOINTS.list) problems.push('unknown endpoint');
      if (!url.searchParams.get('roomId')) problems.push('roomId query is required');
      for (const name of url.searchParams.keys()) {
        if (!['roomId', 'sessionId', 'page', 'perPage'].includes(name)) problems.push(`undocumented query ${name}`);
      }
    } else {
      problems.push(`unexpected method ${request.method}`);
    }
    this.requests.push({ method: request.method ?? '?', path: url.pathname, query: url.searchParams, authorization, claims, body, problems });

    const fault = this.faults.shift();
    if (fault !== undefined) {
      this.serveFault(fault, request, response);
      return;
    }
    if (authFailed) {
      this.send(response, 401, JSON.stringify({ error: 'Token is invalid or expired', statusCode: 401 }));
      return;
    }
    if (problems.length > 0) {
      this.send(response, 400, JSON.stringify({ error: problems.join('; '), statusCode: 400 }));
      return;
    }
    if (request.method === 'GET') {
      this.send(response, 200, JSON.stringify(this.page(url.searchParams)));
      return;
    }
    const replies: Record<string, string> = {
      [ENDPOINTS.start]: this.startReply,
      [ENDPOINTS.end]: JSON.stringify('Recording ended successfully'),
      [ENDPOINTS.trackStart]: JSON.stringify('Participant track recording started successfully'),
      [ENDPOINTS.trackStop]: JSON.stringify('Participant track recording stopped successfully'),
    };
    this.send(response, 200, replies[url.pathname] ?? '""');
  }

  /** The join token inside a templateUrl must join the room, never as a fixed participant, for long enough. */
  private async templateProblems(templateUrl: string, roomId: string): Promise<string[]> {
    const problems: string[] = [];
    const url = new URL(templateUrl);
    const token = url.searchParams.get('token');
    if (url.searchParams.get('meetingId') !== roomId) problems.push('templateUrl: meetingId must be the roomId');
    if (url.searchParams.has('participantId')) problems.push('templateUrl: participantId is VideoSDK\'s to add');
    if (token === null) return [...problems, 'templateUrl: no token'];
    try {
      const { payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'] });
      if (payload.apikey !== this.apiKey) problems.push('join token: apikey does not match');
      if (payload.version !== 2) problems.push('join token: version must be 2');
      if (!Array.isArray(payload.permissions) || !payload.permissions.includes('allow_join')) problems.push('join token: needs allow_join');
      if (payload.participantId !== undefined) problems.push('join token: must not be bound to a participant');
      if (payload.roomId !== undefined && payload.roomId !== roomId) problems.push('join token: bound to another room');
      if (Array.isArray(payload.roles) && !payload.roles.includes('rtc')) problems.push('join token: roles without rtc cannot join');
      if ((payload.exp ?? 0) - Date.now() / 1000 < 600) problems.push('join token: expires too soon to outlive the join');
    } catch {
      problems.push('join token: signature does not verify');
    }
    return problems;
  }

  private page(query: URLSearchParams): RecordingList {
    const all = (this.recordings.get(query.get('roomId') ?? '') ?? []).filter(
      (r) => !query.get('sessionId') || r.sessionId === query.get('sessionId'),
    );
    const perPage = Number(query.get('perPage') ?? 20);
    const currentPage = Number(query.get('page') ?? 1);
    const lastPage = Math.max(1, Math.ceil(all.length / perPage));
    return {
      pageInfo: { currentPage, perPage, lastPage, total: all.length },
      data: all.slice((currentPage - 1) * perPage, currentPage * perPage),
    };
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
