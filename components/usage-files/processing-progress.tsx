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
      // The API names its fields in snake_case.
      const answer = (await response.json()) as { status: string; progress_rows: number; progress_percent: number };
      const next = {
        status: answer.status,
        progressRows: answer.progress_rows,
        progressPercent: answer.progress_percent,
      };
      setProgress(next);
      if (next.status !== "uploading" && next.status !== "processing") {
        clearInterval(timer);
        router.refresh();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [usageFileId, router]);

  const label = progress.status === "uploading" ? "Waiting to be processed" : "Processing";
  return (
    <>
      <ProgressBar
        label={label}
        percent={progress.progressPercent}
        detail={`${progress.progressRows.toLocaleString("en-US")} rows read`}
      />
      {/* Announced in steps of ten percent: every second would drown a screen reader. */}
      <p role="status" className="sr-only">
        {label}: {Math.floor(progress.progressPercent / 10) * 10}%
      </p>
    </>
  );
}
