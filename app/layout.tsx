import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Usage Records Portal", template: "%s · Usage Records Portal" },
  description: "Report, review and bill pay-as-you-go usage.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Each page gets a fresh CSP nonce from proxy.ts, which only a page rendered per request can carry.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
