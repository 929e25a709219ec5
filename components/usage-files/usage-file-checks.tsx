import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/domain/permissions";
import { anomalyKinds, type AnomalyCounts } from "@/lib/domain/usage-anomalies";
import type { WarningCounts as Counts } from "@/lib/domain/usage-warnings";
import { listUsageFileAnomalies } from "@/lib/server/queries/usage-anomalies";
import { AnomaliesTable } from "./anomalies-table";
import { WarningCounts } from "./warning-counts";

const anomaliesShown = 50;

/** The double-billing guard's findings on a file, as its vendor and its reviewer see them. */
export async function UsageFileChecks({
  actor,
  file,
}: {
  actor: Actor;
  file: { id: string; warningCounts: Counts | null; anomalyCounts: AnomalyCounts | null };
}) {
  const anomalyTotal = file.anomalyCounts ? anomalyKinds.reduce((sum, kind) => sum + file.anomalyCounts![kind], 0) : 0;
  const anomalies = anomalyTotal > 0 ? ((await listUsageFileAnomalies(actor, file.id, anomaliesShown)) ?? []) : [];
  return (
    <>
      {file.warningCounts && (
        <Card title="Warnings">
          <WarningCounts counts={file.warningCounts} />
        </Card>
      )}
      {file.anomalyCounts && (
        <Card title="Anomalies">
          <AnomaliesTable counts={file.anomalyCounts} anomalies={anomalies} total={anomalyTotal} />
        </Card>
      )}
    </>
  );
}
