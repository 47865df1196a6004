/** Child entry (started with `--expose-gc`): runs the pagination measurement and reports it. */
import { childInput, reply } from './child.js';
import { measurePagination, type PaginationOptions } from './pagination.js';

await reply(await measurePagination(childInput<PaginationOptions>()));
process.disconnect();
