import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './built-server.ts';

/**
 * A throw-away PostgreSQL cluster for the tests and the benchmark: `initdb` in a temporary
 * folder, `pg_ctl start` on a free loopback port, password login (scram-sha-256), removed by
 * `remove()`. PostgreSQL refuses to run as root, so as root it runs as `nobody` (runuser).
 * The binaries: PG_BIN, else Debian's /usr/lib/postgresql/<newest>/bin, else initdb on PATH
 * (`.ci/run` installs Debian's postgresql package on a machine without them).
 */

/** What a test process needs to use (and stop, start) a cluster another process created. */
export interface ClusterInfo {
  bin: string;
  base: string;
  port: number;
  user: string;
  password: string;
}

export function findPgBin(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(path.join(debian, v, 'bin'));
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
  return candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

const asRoot = () => process.getuid?.() === 0;

export class PgCluster {
  #databases = 0;
  readonly info: ClusterInfo;
  constructor(info: ClusterInfo) {
    this.info = info;
  }

  /** Create and start a cluster. `fsync: false` only where durability on power loss is not what is measured. */
  static async create(opts: { fsync?: boolean } = {}): Promise<PgCluster> {
    const bin = findPgBin();
    if (!bin)
      throw new Error(
        "PostgreSQL not found: install Debian's postgresql package (apt-get install postgresql) or set PG_BIN",
      );
    const base = mkdtempSync(path.join(tmpdir(), 'co3-pg-'));
    if (asRoot()) chownSync(base, 65534, 65534);
    const password = randomBytes(12).toString('hex');
    const pwfile = path.join(base, 'pw');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (asRoot()) chownSync(pwfile, 65534, 65534);
    const cluster = new PgCluster({ bin, base, port: await freePort(), user: 'co3', password });
    cluster.#run('initdb', [
      '-D',
      cluster.dataDir,
      '-U',
      'co3',
      `--pwfile=${pwfile}`,
      '-A',
      'scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
    rmSync(pwfile);
    writeFileSync(
      path.join(cluster.dataDir, 'postgresql.auto.conf'),
      `${[
        `port = ${cluster.info.port}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${base}'`,
        'max_connections = 200',
        `fsync = ${opts.fsync === false ? 'off' : 'on'}`,
        'log_min_messages = warning',
      ].join('\n')}\n`,
    );
    if (asRoot()) chownSync(path.join(cluster.dataDir, 'postgresql.auto.conf'), 65534, 65534);
    cluster.start();
    return cluster;
  }

  get dataDir(): string {
    return path.join(this.info.base, 'data');
  }

  url(database = 'postgres', password = this.info.password): string {
    return `postgres://${this.info.user}:${encodeURIComponent(password)}@127.0.0.1:${this.info.port}/${database}`;
  }

  #run(tool: string, args: string[]): string {
    const command = path.join(this.info.bin, tool);
    const [file, argv] = asRoot() ? ['runuser', ['-u', 'nobody', '--', command, ...args]] : [command, args];
    const r = spawnSync(file, argv, { encoding: 'utf8', cwd: this.info.base });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
    return r.stdout;
  }

  /** The same as `stop`/`start`, without blocking the event loop (a test's open connections keep being served). */
  async stopAsync(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.#runAsync('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  async startAsync(): Promise<void> {
    await this.#runAsync('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      path.join(this.info.base, 'log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  #runAsync(tool: string, args: string[]): Promise<void> {
    const command = path.join(this.info.bin, tool);
    const [file, argv] = asRoot() ? ['runuser', ['-u', 'nobody', '--', command, ...args]] : [command, args];
    return new Promise((resolve, reject) => {
      execFile(file, argv, { cwd: this.info.base }, (error, _stdout, stderr) =>
        error ? reject(new Error(`${tool} failed: ${stderr || error.message}`)) : resolve(),
      );
    });
  }

  start(): void {
    this.#run('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.info.base, 'log'), '-w', '-t', '60', 'start']);
  }

  /** `immediate`: as if the database server lost power (no checkpoint), `fast`: a clean stop. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.#run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  /** A new, empty database on this cluster: its URL. */
  async createDatabase(): Promise<string> {
    const name = `co3_${process.pid}_${++this.#databases}_${randomBytes(3).toString('hex')}`;
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Stop it and delete its files. */
  remove(): void {
    try {
      this.stop('immediate');
    } catch {
      // not running
    }
    rmSync(this.info.base, { recursive: true, force: true });
  }
}
