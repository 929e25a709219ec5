"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";

interface Progress {
  status: string;
  progressRows: number;
  progressPercent: number;
}

/** Follows an Uploading or Processing file until it is done, then refreshes the page. */
export function ProcessingProgress({ usageFileId, initial }: { usageFileId: string; initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);

  useEffect(() => {
    const timer = setInterval(async () => {
      const response = await fetch(`/api/v1/usage/files/${encodeURIComponent(usageFileId)}`, { cache: "no-store" });
      if (!response.ok) return;
      const next = (await response.json()) as Progress;
      setProgress(next);
      if (next.status !== "uploading" && next.status !== "processing") {
        clearInterval(timer);
        router.refresh();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [usageFileId, router]);

  return (
    <ProgressBar
      label={progress.status === "uploading" ? "Waiting to be processed" : "Processing"}
      percent={progress.progressPercent}
      detail={`${progress.progressRows.toLocaleString("en-US")} rows read`}
    />
  );
}
