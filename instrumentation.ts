/** Runs once when a server process starts: migrations, demo data on an empty database, job worker. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareServer } = await import("@/lib/server/startup");
  const { EmbeddedServerError } = await import("@/db/embedded-server");
  try {
    await prepareServer();
  } catch (error) {
    if (!(error instanceof EmbeddedServerError)) throw error;
    // A setup problem (port taken, old data directory…) is one line saying what to do, not a stack.
    console.error(error.message);
    process.exit(1);
  }
}
