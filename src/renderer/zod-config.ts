import { z } from 'zod';

// Zod compiles object parsers with `new Function` unless told not to, and
// probes for it on the first parse: under the CSP (no 'unsafe-eval') that
// probe is a policy violation on every start. Imported first by main.tsx.
z.config({ jitless: true });
