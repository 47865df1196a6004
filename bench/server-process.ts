/** Child entry: starts the benchmark server, reports its URL, and stops when the parent disconnects. */
import { childInput, reply } from './child.js';
import { loadFixtures } from './fixtures.js';
import { type BenchServerOptions, startBenchServer } from './server.js';

const server = await startBenchServer(loadFixtures(), childInput<BenchServerOptions>());
process.once('disconnect', () => void server.close().then(() => process.exit(0)));
await reply({ url: server.url });
