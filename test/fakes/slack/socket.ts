import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Slack's Socket Mode endpoint, just enough of it: the WebSocket handshake (RFC 6455, no extensions),
 * Slack's `hello`, envelopes pushed to the app, and the app's `{envelope_id, payload}` acks. Frames
 * from the client are masked text, ping or close; frames to it are unmasked text or pong.
 */
export class FakeSocketMode {
  private conns = new Set<Duplex>();
  private pending = new Map<string, (payload: Record<string, unknown>) => void>();
  /** Resolves when an app has connected and been greeted. */
  connected: Promise<void>;
  private markConnected!: () => void;

  constructor(
    server: Server,
    readonly path = '/socket',
  ) {
    this.connected = new Promise((resolve) => {
      this.markConnected = resolve;
    });
    server.on('upgrade', (req, socket) => this.upgrade(req, socket));
  }

  private upgrade(req: IncomingMessage, socket: Duplex): void {
    if (!req.url?.startsWith(this.path)) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const accept = createHash('sha1')
      .update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.conns.add(socket);
    socket.on('close', () => this.conns.delete(socket));
    socket.on('error', () => this.conns.delete(socket));
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const frame = readFrame(buffered);
        if (!frame) break;
        buffered = buffered.subarray(frame.size);
        if (frame.opcode === 0x9) socket.write(encode(frame.payload, 0xa));
        else if (frame.opcode === 0x8) {
          socket.write(encode(frame.payload, 0x8));
          socket.end();
        } else if (frame.opcode === 0x1) this.onText(frame.payload.toString('utf8'));
      }
    });
    socket.write(
      encode(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0LUME' } })),
    );
    this.markConnected();
  }

  private onText(text: string): void {
    const msg = JSON.parse(text) as { envelope_id?: string; payload?: Record<string, unknown> };
    const resolve = msg.envelope_id ? this.pending.get(msg.envelope_id) : undefined;
    if (msg.envelope_id) this.pending.delete(msg.envelope_id);
    resolve?.(msg.payload ?? {});
  }

  /** Push an envelope (events_api, slash_commands, interactive) and resolve with the app's ack payload. */
  send(type: string, payload: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const envelope_id = randomUUID();
    const acked = new Promise<Record<string, unknown>>((resolve) => this.pending.set(envelope_id, resolve));
    const body = JSON.stringify({
      envelope_id,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...extra,
    });
    for (const c of this.conns) c.write(encode(body));
    return acked;
  }

  close(): void {
    for (const c of this.conns) c.destroy();
  }
}

function encode(data: string | Buffer, opcode = 0x1): Buffer {
  const payload = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  const len = payload.length;
  const head = len < 126 ? Buffer.alloc(2) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = 0x80 | opcode;
  if (len < 126) head[1] = len;
  else if (len < 65536) {
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

function readFrame(buf: Buffer): { opcode: number; payload: Buffer; size: number } | undefined {
  if (buf.length < 2) return undefined;
  const opcode = buf[0] & 0x0f;
  const masked = (buf[1] & 0x80) !== 0;
  let len = buf[1] & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskAt = offset;
  if (masked) offset += 4;
  if (buf.length < offset + len) return undefined;
  const payload = Buffer.from(buf.subarray(offset, offset + len));
  if (masked) for (let i = 0; i < len; i++) payload[i] ^= buf[maskAt + (i % 4)];
  return { opcode, payload, size: offset + len };
}
