// A backend's ESM entry using the packed package: calls a loopback stand-in for the REST API and
// receives a signed and a forged webhook, then prints what happened as one JSON line for pack.test.ts.
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import { createVideoSdkClient, createWebhookHandler, VideoSdkError, WEBHOOK_TYPES } from 'videosdk-recording-template-server';

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

// VideoSDK's side of the webhook: its key signs, the backend pins the public half; a forger has another key.
const videosdk = generateKeyPairSync('rsa', { modulusLength: 2048 });
const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKey = videosdk.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const events = [];
const hooks = createServer(createWebhookHandler({ publicKey, onEvent: (event) => void events.push(event.webhookType) }));
await new Promise((resolve) => hooks.listen(0, '127.0.0.1', resolve));
const deliver = (body, key) =>
  fetch(`http://127.0.0.1:${hooks.address().port}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'videosdk-signature': sign('sha256', Buffer.from(body), key).toString('base64') },
    body,
  }).then((reply) => reply.status);
const signed = await deliver(JSON.stringify({ webhookType: 'hls-stopped', data: { meetingId: 'room-1', sessionId: 's1' } }), videosdk.privateKey);
const forged = await deliver(JSON.stringify({ webhookType: 'recording-stopped', data: { meetingId: 'room-1', sessionId: 's1', fileUrl: 'https://attacker.example/x' } }), forger.privateKey);

console.log(JSON.stringify({ stopped, error, seen, output: new URL(template.templateUrl).searchParams.get('output'), webhookStatus: { signed, forged }, events, types: WEBHOOK_TYPES.length }));
api.close();
hooks.close();
