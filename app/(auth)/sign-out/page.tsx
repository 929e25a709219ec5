import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">Sign out?</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">You will need your password to come back.</p>
        <form action={signOutAction} className="flex justify-center gap-3">
          <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 text-sm">
            Stay signed in
          </Link>
          <Button type="submit">Sign out</Button>
        </form>
      </div>
    </main>
  );
}
