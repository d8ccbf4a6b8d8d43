import type { TestProject } from 'vitest/node';
import { PgCluster, findPgBin, type ClusterInfo } from '../../tools/pg-cluster.ts';

// One throw-away PostgreSQL cluster for the whole integration run (each test gets its own
// database on it): the tests that run against both backends, and the multi-server tests.
// Without PostgreSQL on the machine those are skipped, except in CI (CI=1), where `.ci/run`
// installs it and a missing one is an error.

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: ClusterInfo | null;
  }
}

export default async function setup(project: TestProject) {
  if (!findPgBin()) {
    if (process.env.CI)
      throw new Error("CI: PostgreSQL not found (install Debian's postgresql package, as .ci/run does, or set PG_BIN)");
    console.warn(
      'integration: PostgreSQL not found (PG_BIN, /usr/lib/postgresql/*/bin): the PostgreSQL variants are skipped',
    );
    project.provide('postgres', null);
    return;
  }
  const cluster = await PgCluster.create();
  project.provide('postgres', cluster.info);
  return () => cluster.remove();
}
