import * as z from 'zod/mini';

// The mini-program engine forbids `new Function`, which zod would otherwise probe for; this must
// run before any schema parses, so app.ts imports it first.
z.config({ jitless: true });
