/** The layout functions (`videosdk-recording-template/layout`): pure, no DOM; (meeting, options, stage) → tiles and rectangles. */
export * from './plan.js';
export * from './stage.js';
export * from './geometry.js';
export * from './slots.js';
export * from './speaker-order.js';
export type * from './types.js';
