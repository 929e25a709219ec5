/** Runs once when a server process starts: migrations, demo data on an empty database, job worker. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareServer, startOrExplain } = await import("@/lib/server/startup");
  await startOrExplain(prepareServer);
}
