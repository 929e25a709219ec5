// The job worker, started by `npm start` beside the web server: a heavy upload never stalls pages.
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { prepareWorker, startOrExplain } from "@/lib/server/startup";

// A job cut short here is taken up again by the next worker once its heartbeat is missed.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopJobQueue().finally(() => process.exit(0)));
}

await startOrExplain(prepareWorker);
