"use server";

import { revalidatePath } from "next/cache";
import { changePasswordInput } from "@/lib/domain/admin-input";
import { createApiKeyInput, revokeApiKeyInput } from "@/lib/domain/api-key-input";
import { mailPreferencesInput } from "@/lib/domain/notification-mail";
import { requireSignedIn } from "@/lib/server/actor";
import { signIn } from "@/lib/server/auth";
import { createOwnApiKey, revokeApiKey } from "@/lib/server/auth/manage-api-keys";
import { formAction } from "@/lib/server/form-action";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { setOwnMailTopics } from "@/lib/server/users/set-own-mail-topics";

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

export const createApiKeyAction = formAction(createApiKeyInput, createOwnApiKey, ({ key }) => {
  revalidatePath("/profile");
  return { ok: true, message: `Your new key, shown only this once — copy it now: ${key}` };
});

export const revokeApiKeyAction = formAction(revokeApiKeyInput, revokeApiKey, () => {
  revalidatePath("/profile");
  return { ok: true, message: "Key revoked: requests with it are refused from now on." };
});

export const setMailTopicsAction = formAction(mailPreferencesInput, setOwnMailTopics, ({ topics }) => {
  revalidatePath("/profile");
  return { ok: true, message: topics.length ? "E-mail settings saved." : "Saved: no notification mails you now." };
});
