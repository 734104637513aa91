/** The template test kit as a library: the check runner behind the bin, and the emulated VideoSDK it drives. */
export { CHECKS, type CheckId, type CheckResult, type Report, type RunOptions } from './report.js';
export { runTemplateTest, viewportOf } from './run.js';
export { serveStatic, type StaticServer } from './serve.js';
export { chromiumBinary, launchChromium } from './chromium.js';
export { VideoSdkEmulator, aJoinToken, type EmulatorOptions, type RecordedRequest } from './emulator/emulator.js';
export type { MediaBackend } from './emulator/media.js';
export { realMedia, type RealMedia, type RealMediaOptions } from './emulator/media-real.js';
export { signallingOnlyMedia } from './emulator/media-signalling-only.js';
export type { PeerSpec, PeerMode } from './emulator/room.js';
