// A TypeScript backend using the packed package's types: it must type-check as it is, and each
// expected-error line (marked with the ts-expect-error directive) must really fail, so the types cannot be `any`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createVideoSdkClient, createWebhookHandler, type HlsStarted, type VideoSdkClient, VideoSdkError, type WebhookEvent } from 'videosdk-recording-template-server';

const client: VideoSdkClient = createVideoSdkClient({ apiKey: 'k', secret: 's'.repeat(40), retries: 2 });

export async function go(): Promise<string | undefined> {
  const { templateUrl, config } = await client.templateUrl({ baseUrl: 'https://rec.example.com/', roomId: 'r', output: 'livestream', options: { layoutType: 'GRID' } });
  const started: HlsStarted = await client.hls.start({ roomId: 'r', templateUrl, config: { ...config, recording: { enabled: true } } });
  await client.livestreams.start({ roomId: 'r', outputs: [{ url: 'rtmp://x.example.com/live', streamKey: 'k'.repeat(10) }], templateUrl, config });
  await client.rooms.create({ customRoomId: 'weekly', webhook: { endPoint: 'https://h.example.com/', events: ['recording-*'] } });
  try {
    await client.recordings.delete({ id: 'x' });
  } catch (error) {
    if (error instanceof VideoSdkError) {
      const status: number | undefined = error.status;
      const code: number | undefined = error.code;
      console.log(error.kind, status, code);
    }
  }
  // @ts-expect-error roomId is required
  await client.recordings.stop({});
  // @ts-expect-error output is one of recording, hls, livestream
  await client.templateUrl({ baseUrl: 'https://x.example.com/', output: 'rtmp' });
  // @ts-expect-error kind is one of the documented track kinds
  await client.tracks.start({ roomId: 'r', participantId: 'p', kind: 'screen' });
  return started.playbackHlsUrl;
}

const handler = createWebhookHandler({
  publicKey: process.env.VIDEOSDK_WEBHOOK_PUBLIC_KEY,
  client,
  onEvent(event: WebhookEvent) {
    if (event.webhookType === 'recording-stopped') {
      // A signed webhook is delivered with whatever it carries: the file may be missing.
      const fileUrl: string | undefined = event.data.fileUrl;
      console.log(fileUrl);
    }
    // @ts-expect-error webhookType is one of the documented types
    if (event.webhookType === 'session-started') console.log(event);
  },
});
createServer(handler);

// Express's RequestHandler shape: (req, res, next) => void, with req.body from its parsers.
type ExpressLike = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: (error?: unknown) => void) => void;
const asExpress: ExpressLike = handler;
console.log(typeof asExpress);
