import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChangePasswordFields } from "@/components/profile/change-password-fields";
import { ActionForm } from "@/components/ui/action-form";
import { requireSignedIn } from "@/lib/server/actor";
import { changePasswordAction } from "../../(portal)/profile/actions";

export const metadata: Metadata = { title: "Choose a password" };

/** Where a user with a temporary password is sent, before anything else, to choose their own. */
export default async function ChangePasswordPage() {
  const actor = await requireSignedIn();
  if (!actor.mustChangePassword) redirect("/profile");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Choose your password</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">
          {actor.email} signed in with a temporary password. Replace it with one only you know.
        </p>
        <ActionForm action={changePasswordAction} submitLabel="Save and continue">
          <ChangePasswordFields />
        </ActionForm>
        <Link href="/sign-out" className="mt-4 inline-block text-sm text-brand-700 hover:underline">
          Sign out instead
        </Link>
      </div>
    </main>
  );
}
