/** Runs once when a server process starts: migrations, demo data on an empty database. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("@/lib/server/startup");
  await prepareDatabase();
}
