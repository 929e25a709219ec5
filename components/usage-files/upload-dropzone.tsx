"use client";

import { useRouter } from "next/navigation";
import { useCallback, useId, useState } from "react";
import { useDropzone, type FileRejection } from "react-dropzone";
import { ProgressBar } from "@/components/ui/progress-bar";

const accept = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "text/csv": [".csv"],
};

type UploadState =
  | { kind: "idle" }
  | { kind: "sending"; name: string; percent: number }
  | { kind: "sent"; name: string }
  | { kind: "error"; message: string };

/** What a screen reader is told as an upload goes: its start and its end, not every percent. */
function announcement(state: UploadState): string {
  if (state.kind === "sending") return `Uploading ${state.name}.`;
  if (state.kind === "sent") return `${state.name} uploaded; it is being checked.`;
  return "";
}

/** Sends a spreadsheet with a byte progress bar, then lets the page follow its processing. */
export function UploadDropzone({ usageFileId, maxBytes }: { usageFileId: string; maxBytes: number }) {
  const router = useRouter();
  const [state, setState] = useState<UploadState>({ kind: "idle" });
  const id = useId();

  const onDrop = useCallback(
    (accepted: File[], rejected: FileRejection[]) => {
      const refused = rejected[0];
      if (refused) {
        setState({ kind: "error", message: rejectionMessage(refused, maxBytes) });
        return;
      }
      const file = accepted[0];
      if (!file) return;
      setState({ kind: "sending", name: file.name, percent: 0 });
      sendFile(usageFileId, file, (percent) => setState({ kind: "sending", name: file.name, percent }))
        .then(() => {
          setState({ kind: "sent", name: file.name });
          router.refresh();
        })
        .catch((error: Error) => setState({ kind: "error", message: error.message }));
    },
    [usageFileId, maxBytes, router],
  );

  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    onDrop,
    accept,
    maxFiles: 1,
    maxSize: maxBytes,
    disabled: state.kind === "sending",
  });

  return (
    <div className="space-y-3">
      <div
        {...getRootProps({ role: "group", "aria-labelledby": `${id}-label`, "aria-describedby": `${id}-hint` })}
        className={`cursor-pointer rounded-lg border-2 border-dashed px-6 py-8 text-center text-sm transition ${
          isDragActive ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:border-brand-500"
        }`}
      >
        <input {...getInputProps()} aria-label="Usage spreadsheet" />
        <p id={`${id}-label`} className="font-medium">
          Drop the spreadsheet here, or click to choose it
        </p>
        <p id={`${id}-hint`} className="mt-1 text-slate-600">
          .xlsx or .csv, up to {Math.round(maxBytes / 1024 / 1024)} MB
        </p>
      </div>
      {state.kind === "sending" && <ProgressBar label="Uploading" percent={state.percent} />}
      <p role="status" className="sr-only">
        {announcement(state)}
      </p>
      {state.kind === "error" && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      )}
    </div>
  );
}

function rejectionMessage(rejection: FileRejection, maxBytes: number): string {
  const code = rejection.errors[0]?.code;
  if (code === "file-too-large")
    return `The file is larger than the upload limit of ${Math.round(maxBytes / 1024 / 1024)} MB.`;
  if (code === "file-invalid-type") return "Upload an .xlsx workbook or a .csv file.";
  return rejection.errors[0]?.message ?? "This file cannot be uploaded.";
}

/** XMLHttpRequest, because fetch cannot report upload progress. */
function sendFile(usageFileId: string, file: File, onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/usage/files/${encodeURIComponent(usageFileId)}/upload`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status < 300) return resolve();
      const body = JSON.parse(request.responseText || "{}") as { errors?: string[] };
      reject(new Error(body.errors?.[0] ?? `The upload failed (HTTP ${request.status}).`));
    };
    request.onerror = () => reject(new Error("The upload was interrupted. Check your connection and try again."));
    const form = new FormData();
    form.append("usage_file", file);
    request.send(form);
  });
}
