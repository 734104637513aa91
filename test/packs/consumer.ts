// A TypeScript consumer of every subpath of the installed elements package, with a plain tsconfig.
import type { Meeting } from '@videosdk.live/js-sdk';
import { MeetingStore, RecApp, RecOptionsChangeEvent, RecTile, type MeetingState } from 'videosdk-recording-template';
import 'videosdk-recording-template/page';
import { fitStage, planLayout, type LayoutPlan } from 'videosdk-recording-template/layout';
import { LAYOUT_TOPICS, RecordingOptionsSchema, parseGraphicsMessage, parseLayoutMessage, parseTemplateParams, type RecordingOptions } from 'videosdk-recording-template/config';
import { RecordingMessageError, publishRecordingGraphics, publishRecordingLayout } from 'videosdk-recording-template/host';
import 'videosdk-recording-template/fonts.css';

declare const meeting: Meeting;

const app: RecApp = document.createElement('rec-app');
const tile: RecTile | null = app.renderRoot.querySelector('rec-tile');
const state: MeetingState = new MeetingStore().state;
const options: RecordingOptions = RecordingOptionsSchema.parse({ layoutType: 'GRID', layoutPriority: 'SPEAKER', layoutGridSize: 4, theme: 'DARK', mode: 'audio', quality: 'med', orientation: 'landscape', speakerDwellMs: 0 });
const stage = fitStage({ width: 1280, height: 720 }, options.orientation);
const plan: LayoutPlan = planLayout({ state, options, stage: { width: stage.width, height: stage.height }, previous: null, now: Date.now() });
app.addEventListener('rec-options-change', (event) => console.log(event instanceof RecOptionsChangeEvent, plan.tiles.length, tile));
console.log(LAYOUT_TOPICS.hls, parseTemplateParams('?layoutType=GRID').options.layoutType, parseGraphicsMessage('{}').ok, parseLayoutMessage('{}').ok);

try {
  await publishRecordingLayout(meeting, { layoutType: 'SPOTLIGHT', theme: 'DARK' }, { output: 'hls' });
  await publishRecordingGraphics(meeting.pubSub, { banner: { text: 'Live' }, toast: null });
} catch (error) {
  if (error instanceof RecordingMessageError) console.error(error.field, error.message);
}
