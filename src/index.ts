/**
 * The elements package's root export: the app element and the parts it renders, each registered on
 * import, with their events and theme. A page that only needs the app imports `videosdk-recording-template/page`.
 */
export { RecApp } from './components/rec-app.js';
export { RecStage } from './components/rec-stage.js';
export { RecTile } from './components/rec-tile.js';
export { RecAudioPlayer } from './components/rec-audio-player.js';
export { RecBackdrop } from './components/rec-backdrop.js';
export { RecGraphics } from './components/rec-graphics.js';
export { RecCaptions } from './components/rec-captions.js';
export { RecAgentVisual } from './components/rec-agent-visual.js';
export * from './components/events.js';
export { FONT_STACK, themeTokens } from './components/theme.js';
export { PALETTES, type Palette } from './components/palettes.js';
export { MeetingStore } from './meeting/store.js';
export type * from './meeting/state.js';
export type { MeetingSource, MediaDemand } from './meeting/source.js';
export type { DemoControls } from './sources/demo/demo-controls.js';
