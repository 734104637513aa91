// A backend's ESM entry using the packed package: calls a loopback stand-in for the REST API and
// receives one webhook, then prints what happened as one JSON line for pack.test.ts.
import { createServer } from 'node:http';
import { createVideoSdkClient, createWebhookHandler, VideoSdkError, WEBHOOK_TYPES } from 'videosdk-recording-template/server';

const seen = [];
const api = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    seen.push({ method: req.method, url: req.url, rawJwt: /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/.test(req.headers.authorization ?? ''), body: body ? JSON.parse(body) : null });
    const ok = req.url === '/v2/recordings/end';
    res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? 'Recording ended successfully' : { error: 'Could not start', statusCode: 4011 }));
  });
});
await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));

const client = createVideoSdkClient({ apiKey: 'consumer-key', secret: 's'.repeat(40), apiUrl: `http://127.0.0.1:${api.address().port}`, retries: 0 });
const stopped = await client.recordings.stop({ roomId: 'room-1' });
let error;
try {
  await client.recordings.start({ roomId: 'room-1' });
} catch (caught) {
  error = { isVideoSdkError: caught instanceof VideoSdkError, kind: caught.kind, status: caught.status, code: caught.code };
}
const template = await client.templateUrl({ baseUrl: 'https://rec.example.com/', roomId: 'room-1', output: 'hls' });

const events = [];
const hooks = createServer(createWebhookHandler({ onEvent: (event) => void events.push(event.webhookType) }));
await new Promise((resolve) => hooks.listen(0, '127.0.0.1', resolve));
const reply = await fetch(`http://127.0.0.1:${hooks.address().port}/`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ webhookType: 'hls-stopped', data: { meetingId: 'room-1', sessionId: 's1' } }),
});

console.log(JSON.stringify({ stopped, error, seen, output: new URL(template.templateUrl).searchParams.get('output'), webhookStatus: reply.status, events, types: WEBHOOK_TYPES.length }));
api.close();
hooks.close();
