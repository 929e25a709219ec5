import { notFound } from "next/navigation";
import { UsageFileSummary } from "@/components/usage-files/usage-file-summary";
import { requireRole } from "@/lib/server/actor";
import { getUsageFile } from "@/lib/server/queries/usage-files";

export default async function VendorUsageFilePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("vendor");
  const file = await getUsageFile(actor, (await params).id);
  if (!file) notFound();
  return <UsageFileSummary file={file} />;
}
