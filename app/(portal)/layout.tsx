import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/server/actor";
import { signOutAction } from "../(auth)/sign-out/actions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <AppShell user={actor} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
