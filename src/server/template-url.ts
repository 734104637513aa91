/**
 * The templateUrl VideoSDK's recorder opens: the hosted page, a join token, what it is filmed for
 * (`output=`) and every layout option. VideoSDK refuses plain http and local addresses, so those are
 * caught here, before any request.
 */
import { isIP } from 'node:net';
import { type OptionName, OptionSchemas, parsePartialOptions, type RecordingOptions } from '../config/options.js';
import { invalidOptions } from './errors.js';

import { OUTPUTS, type Output } from '../config/output.js';

export { OUTPUTS };
/** One output: a recording, an HLS stream or an RTMP live stream (`output=` of the templateUrl). */
export type TemplateOutput = Output;

/** Query parameters VideoSDK or the launcher set; a base URL must not carry them. */
const RESERVED_PARAMS = ['token', 'meetingId', 'participantId'] as const;

function ipv4Private(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

function ipv6Private(address: string): boolean {
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return ipv4Private(mapped[1]!);
  // URL normalises IPv4-mapped addresses to hex groups (::ffff:7f00:1).
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (mappedHex) {
    const high = parseInt(mappedHex[1]!, 16);
    const low = parseInt(mappedHex[2]!, 16);
    return ipv4Private(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return (
    lower === '::' ||
    lower === '::1' ||
    lower.startsWith('fc') ||
    lower.startsWith('fd') ||
    /^fe[89ab]/.test(lower)
  );
}

/** True when a hostname is loopback, link-local, private or otherwise unreachable from VideoSDK. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
    return true;
  }
  const family = isIP(host);
  if (family === 4) return ipv4Private(host);
  if (family === 6) return ipv6Private(host);
  // A single-label name (no dot) only resolves on a local network.
  return !host.includes('.');
}

/** How messages name the base URL and the switch that permits local addresses. */
export interface BaseUrlNames {
  readonly url: string;
  readonly allowInsecure: string;
}

const LIBRARY_NAMES: BaseUrlNames = { url: 'baseUrl', allowInsecure: 'allowInsecure: true' };

/**
 * Parses and checks a template base URL: https and a public host unless `allowInsecure`, and none of
 * the parameters the launcher or VideoSDK add.
 */
export function parseTemplateBase(raw: string, allowInsecure: boolean, names: BaseUrlNames = LIBRARY_NAMES): URL {
  const { url: flag, allowInsecure: allowName } = names;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidOptions(`${flag}: not a URL; accepted: an https URL such as https://example.com/recording/`);
  }
  if (url.protocol !== 'https:' && !(allowInsecure && url.protocol === 'http:')) {
    throw invalidOptions(
      `${flag}: VideoSDK only opens https URLs, not ${url.protocol.replace(':', '')}; accepted: https://… (${allowName} permits http for testing)`,
    );
  }
  if (!allowInsecure && isLocalHost(url.hostname)) {
    throw invalidOptions(
      `${flag}: ${url.hostname} is a local or private address that VideoSDK cannot reach; accepted: a public https host (${allowName} permits it for testing)`,
    );
  }
  if (url.username || url.password) {
    throw invalidOptions(`${flag}: must not contain a user name or password`);
  }
  // URL drops an empty "#", but VideoSDK appends to the string as given.
  if (url.hash !== '' || raw.includes('#')) {
    throw invalidOptions(
      `${flag}: must not contain a #fragment: VideoSDK appends &participantId=… to the URL, which would land inside the fragment where the page cannot read it; accepted: the URL without its #… part`,
    );
  }
  for (const name of RESERVED_PARAMS) {
    if (url.searchParams.has(name)) {
      throw invalidOptions(`${flag}: must not contain ${name}=; the token and meetingId are added for you, VideoSDK adds participantId`);
    }
  }
  return url;
}

/**
 * The layout options the base URL's own query already sets (as the page reads them: the first of
 * each name), validated by the page's schemas; a value the page would ignore is refused.
 */
export function baseOptions(base: URL, flag = 'baseUrl'): Partial<RecordingOptions> {
  const raw: Partial<Record<OptionName, string>> = {};
  for (const name of Object.keys(OptionSchemas) as OptionName[]) {
    const value = base.searchParams.get(name);
    if (value !== null) raw[name] = value;
  }
  const { options, warnings } = parsePartialOptions(raw);
  const [warning] = warnings;
  if (warning !== undefined) {
    throw invalidOptions(`${flag}: ${warning.option}=${JSON.stringify(warning.value)} is not valid; accepted: ${warning.accepted}`);
  }
  return options;
}

/**
 * The full templateUrl: the base's own params, then token, meetingId (unless the room is not known
 * yet), every layout option and `output`, which replaces any the base carried.
 */
export function buildTemplateUrl(base: URL, token: string, roomId: string | undefined, options: RecordingOptions, output: TemplateOutput): string {
  const url = new URL(base.href);
  url.searchParams.set('token', token);
  if (roomId !== undefined) url.searchParams.set('meetingId', roomId);
  // Every option, defaults included, so the recording never depends on the page's defaults.
  for (const name of Object.keys(OptionSchemas) as OptionName[]) url.searchParams.set(name, String(options[name]));
  url.searchParams.set('output', output);
  return url.href;
}
