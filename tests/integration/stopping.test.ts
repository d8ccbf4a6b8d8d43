import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, backendEnv } from './backends.ts';
import { BuiltServer, example, freePort, tempDir, waitFor } from './harness.ts';

// A deploy stops servers with SIGTERM. The requests under way are answered, the referral being
// stored gets its 202 after its commit (not a reset), nothing new is taken, and the process
// ends cleanly. Against the built server, on both stores.

const running: BuiltServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.kill('SIGKILL');
});

/**
 * A POST whose body is held back: it sends the headers with `Expect: 100-continue` and resolves
 * `send` once the server has answered 100 (so the request is in its hands), then writes the body
 * when asked and resolves with the raw answer.
 */
function heldPost(port: number, body: string): { accepted: Promise<void>; finish: () => Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  let out = '';
  let continued: () => void;
  const accepted = new Promise<void>((resolve) => (continued = resolve));
  const ended = new Promise<string>((resolve, reject) => {
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      out += d;
      if (out.startsWith('HTTP/1.1 100')) continued();
    });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
  socket.write(
    `POST /api/referrals HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
  );
  return {
    accepted,
    finish: () => {
      socket.write(body);
      return ended;
    },
  };
}

describe.each(BACKENDS)('stopping with SIGTERM (%s)', (backend) => {
  it('answers the referral under way (202, stored), takes nothing new, and exits 0', async () => {
    const env = { DATA_DIR: tempDir('stop'), INTAKE_INBOX_DIR: tempDir('inbox'), ...(await backendEnv(backend)) };
    const server = await new BuiltServer(await freePort(), env).start();
    running.push(server);
    const held = heldPost(server.port, JSON.stringify(example()));
    await held.accepted;
    server.child!.kill('SIGTERM');
    await waitFor('the stop to begin', () => server.log.includes('SIGTERM: answering the requests under way'));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow(); // no new connection
    const answer = await held.finish();
    expect(answer).toMatch(/HTTP\/1\.1 202 Accepted/);
    const reference = /"reference":"(CO3-[A-Z0-9-]+)"/.exec(answer)?.[1];
    expect(reference).toBeDefined();
    expect(await server.exit).toBe(0);
    expect(server.log).toContain('server: stopped');
    // The referral is in the store: the next server (same store) knows it.
    const next = await new BuiltServer(await freePort(), env).start();
    running.push(next);
    const receipt = await fetch(`${next.url}/nl/referral/receipt/${reference}/`);
    expect(receipt.status).toBe(200);
    const counts = (await next.health()).referrals;
    expect(counts.pending + counts.delivered).toBe(1);
  });
});
