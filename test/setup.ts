// Server modules guard themselves with `import "server-only"`, which throws outside React Server
// Components; under Vitest we are the server, so that guard is replaced by a no-op.
import { vi } from "vitest";

vi.mock("server-only", () => ({}));
