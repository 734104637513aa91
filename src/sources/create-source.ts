/**
 * Picks the meeting source for a page: VideoSDK when the URL has a token (the recorder), the
 * simulated meeting otherwise (the preview). Each is its own chunk, so neither mode downloads the other.
 */
import type { TemplateParams } from '../config/url-params.js';
import { checkRecorderParams, sdkLoadFailure } from './videosdk/recorder-errors.js';
import type { MeetingSource } from '../meeting/source.js';
import { type MeetingFailure, statusChanged } from '../meeting/state.js';
import type { MeetingStore } from '../meeting/store.js';
import type { DemoControls } from './demo/demo-controls.js';
import { markPhase } from '../meeting/phases.js';

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

/** A created source, with the controls of the simulated meeting (the preview panel drives it with them). */
export interface CreatedSource {
  readonly source: MeetingSource;
  readonly controls?: DemoControls;
}

/** Whether the page runs as VideoSDK's recorder (a token in the URL) rather than the preview. */
export function isRecorderMode(params: TemplateParams): boolean {
  return params.recorder.token !== undefined;
}

/** Creates the source for these params; never rejects (a failure becomes an error frame). */
export async function createSource(params: TemplateParams): Promise<CreatedSource> {
  const { recorder } = params;
  if (!isRecorderMode(params)) {
    const { DemoSource } = await import('./demo/demo-source.js');
    const demo = new DemoSource(params.demo);
    return { source: demo, controls: demo.controls };
  }
  const failure = checkRecorderParams(recorder);
  if (failure) return { source: new FailedSource(failure) };
  // Both chunks start downloading now, in parallel: the SDK is most of the recorder's weight.
  markPhase('sdk-import');
  const sdkModule = import('@videosdk.live/js-sdk');
  try {
    const { VideoSdkSource, pickVideoSdk } = await import('./videosdk/videosdk-source.js');
    markPhase('source-loaded');
    const sdk = sdkModule.then((module) => {
      markPhase('sdk-loaded');
      const picked = pickVideoSdk(module);
      if (!picked) throw new Error('the @videosdk.live/js-sdk module has no VideoSDK export');
      return picked;
    });
    const source = new VideoSdkSource(
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
    return { source };
  } catch (error) {
    sdkModule.catch(() => undefined);
    return { source: new FailedSource(sdkLoadFailure(error)) };
  }
}
