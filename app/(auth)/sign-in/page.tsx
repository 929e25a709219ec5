import type { Metadata } from "next";
import { safeReturnPath } from "@/lib/security/return-path";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl) ?? "/";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Usage Records Portal</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Sign in to report, review and bill usage.</p>
        <SignInForm returnTo={returnTo} />
      </div>
    </main>
  );
}
