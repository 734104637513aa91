/**
 * Picks the meeting source for a page: VideoSDK when the URL has a token (the recorder), the
 * simulated meeting otherwise (the preview). Each is its own chunk, so neither mode downloads the other.
 */
import type { TemplateParams } from '../config/url-params.js';
import { checkRecorderParams, sdkLoadFailure } from './videosdk/recorder-errors.js';
import type { MeetingSource } from '../meeting/source.js';
import { type MeetingFailure, statusChanged } from '../meeting/state.js';
import type { MeetingStore } from '../meeting/store.js';

/** A source that only reports why the meeting cannot be shown (so the frame says so). */
class FailedSource implements MeetingSource {
  constructor(private readonly failure: MeetingFailure) {}

  async start(store: MeetingStore): Promise<void> {
    console.error(`Recording template: ${this.failure.code}: ${this.failure.message}`);
    store.update((state) => statusChanged(state, 'error', { failure: this.failure }));
  }

  demand(): void {}

  stop(): void {}
}

/** Whether the page runs as VideoSDK's recorder (a token in the URL) rather than the preview. */
export function isRecorderMode(params: TemplateParams): boolean {
  return params.recorder.token !== undefined;
}

/** Creates the source for these params; never rejects (a failure becomes an error frame). */
export async function createSource(params: TemplateParams): Promise<MeetingSource> {
  const { recorder } = params;
  if (!isRecorderMode(params)) {
    const { DemoSource } = await import('./demo/demo-source.js');
    return new DemoSource(params.demo);
  }
  const failure = checkRecorderParams(recorder);
  if (failure) return new FailedSource(failure);
  // Both chunks start downloading now, in parallel: the SDK is most of the recorder's weight.
  const sdkModule = import('@videosdk.live/js-sdk');
  try {
    const { VideoSdkSource, pickVideoSdk } = await import('./videosdk/videosdk-source.js');
    const sdk = sdkModule.then((module) => {
      const picked = pickVideoSdk(module);
      if (!picked) throw new Error('the @videosdk.live/js-sdk module has no VideoSDK export');
      return picked;
    });
    return new VideoSdkSource(
      {
        token: recorder.token!,
        meetingId: recorder.meetingId!,
        participantId: recorder.participantId,
        output: recorder.output,
        options: params.options,
      },
      sdk,
      params.features,
    );
  } catch (error) {
    sdkModule.catch(() => undefined);
    return new FailedSource(sdkLoadFailure(error));
  }
}
