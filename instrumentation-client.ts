import { z } from "zod";

// Zod tries `new Function` when it builds its first object schema, to see whether it may compile
// parsers. The Content-Security-Policy refuses it and the browser reports a violation, though Zod
// copes; jitless skips the probe, and parses the same without the compiled fast path.
z.config({ jitless: true });
