/**
 * `videosdk-recording-template/server`: what a Node backend imports to drive VideoSDK with this
 * template (the client) and to receive its webhooks (the handler).
 */
export { createVideoSdkClient, DEFAULT_API_URL, MIN_SECRET_LENGTH } from './client.js';
export type { MintOptions, Token, VideoSdkClient, VideoSdkClientOptions } from './client.js';
export { VideoSdkError } from './errors.js';
export type { VideoSdkErrorDetails, VideoSdkErrorKind } from './errors.js';
export { DEFAULT_NETWORK } from './http.js';
export type { NetworkSettings, RetryNotice } from './http.js';
export { AUTO_CLOSE_TYPES, PARTICIPANT_FILE_FORMATS, TRACK_KINDS } from './rest-bodies.js';
export type {
  AutoStartConfig, CreateRoomBody, EndBody, LiveConfig, PageQuery, ParticipantFileFormat, ParticipantStartBody, ParticipantStopBody,
  RtmpOutput, StartHlsBody, StartLivestreamBody, StartRecordingBody, TrackKind, TrackStartBody, TrackStopBody, TranscriptionRequest,
} from './rest-bodies.js';
export type { CallOptions, RestGroups } from './rest-groups.js';
export type {
  Acknowledgement, HlsEntry, HlsList, HlsStarted, LivestreamEntry, LivestreamList, PageInfo, RecordingEntry, RecordingList, Room,
} from './rest-replies.js';
export { OUTPUTS } from './template-url.js';
export type { TemplateOutput } from './template-url.js';
export { MIN_TEMPLATE_TOKEN_TTL_SECONDS, TEMPLATE_TOKEN_TTL_SECONDS } from './template-url-builder.js';
export type { LayoutOverride, TemplateUrl, TemplateUrlOptions } from './template-url-builder.js';
export { PERMISSIONS, ROLES } from './token.js';
export type { Permission, Role, TokenClaims } from './token.js';
export { createWebhookHandler, MAX_PENDING_WEBHOOK_BYTES, MAX_WEBHOOK_BYTES } from './webhook-handler.js';
export type { Rejection, WebhookHandler, WebhookHandlerOptions, WebhookRequest } from './webhook-handler.js';
export { parseWebhook, TERMINAL_WEBHOOK_TYPES, WEBHOOK_TYPES, WebhookEventSchema, webhookKind, webhookUrls } from './webhooks.js';
export type { WebhookEvent, WebhookFamily, WebhookState, WebhookType } from './webhooks.js';
export type { RecordingOptions } from '../config/options.js';
export type { RestConfig } from '../config/rest-config.js';
