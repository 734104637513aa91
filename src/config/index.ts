/**
 * The URL and PubSub schemas (`videosdk-recording-template/config`): the recording options, the page's
 * URL parameters, the REST `config` mapping and the live layout and graphics messages. Publishing
 * helpers for host apps are in `videosdk-recording-template/host`.
 */
export * from './options.js';
export * from './output.js';
export * from './url-params.js';
export * from './feature-params.js';
export * from './rest-config.js';
export * from './graphics-topics.js';
export * from './graphics-message.js';
export { RECORDING_LAYOUT_TOPIC, type LayoutMessageResult, parseLayoutMessage, layoutMessageObject } from './layout-message.js';
