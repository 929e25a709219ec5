"use server";

import { changePasswordInput } from "@/lib/domain/admin-input";
import { requireSignedIn } from "@/lib/server/actor";
import { signIn } from "@/lib/server/auth";
import { formAction } from "@/lib/server/form-action";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";

/** The old session ends with the password change; signing in with the new password issues a fresh one. */
export const changePasswordAction = formAction(
  changePasswordInput,
  changeOwnPassword,
  async ({ email }, { newPassword }) => {
    await signIn("credentials", { email, password: newPassword, redirectTo: "/" });
    return { ok: true };
  },
  { loadActor: requireSignedIn },
);
