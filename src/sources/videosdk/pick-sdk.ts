/** Finds the `VideoSDK` export of the loaded `@videosdk.live/js-sdk` module, however the bundler exposes it. */
import type { VideoSdkLike } from './videosdk-types.js';

function isVideoSdkLike(value: unknown): value is VideoSdkLike {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const candidate = value as Partial<VideoSdkLike>;
  return typeof candidate.config === 'function' && typeof candidate.initMeeting === 'function';
}

/** The VideoSDK export of the SDK module, whether the bundler exposes it named or under `default`. */
export function pickVideoSdk(module: unknown): VideoSdkLike | null {
  if (typeof module !== 'object' || module === null) return null;
  const named = (module as { VideoSDK?: unknown }).VideoSDK;
  if (isVideoSdkLike(named)) return named;
  const fallback = (module as { default?: { VideoSDK?: unknown } }).default?.VideoSDK;
  return isVideoSdkLike(fallback) ? fallback : null;
}
