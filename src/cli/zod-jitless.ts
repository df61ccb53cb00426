// zod compiles a fast path for each object schema (code generation with new Function,
// decided when the schema is built) the first time it parses one. That pays off over many
// parses in a long process, not in a short CLI run, where it took about a third of
// validating Amy's catalog. The CLI imports this module before anything that builds a
// schema; the site build, a long process, keeps zod's default.
import { config } from 'zod';

config({ jitless: true });
