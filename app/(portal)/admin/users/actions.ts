"use server";

import { revalidatePath } from "next/cache";
import { createUserInput, updateUserInput, userTarget } from "@/lib/domain/admin-input";
import { createUser } from "@/lib/server/admin/create-user";
import { resetUserPassword } from "@/lib/server/admin/reset-user-password";
import { deactivateUser, reactivateUser } from "@/lib/server/admin/set-user-active";
import { updateUser } from "@/lib/server/admin/update-user";
import { formAction } from "@/lib/server/form-action";

const userPage = (id: string) => `/admin/users/${id}`;

function refresh(userId: string): void {
  revalidatePath("/admin/users");
  revalidatePath(userPage(userId));
}

export const createUserAction = formAction(createUserInput, createUser, ({ user, temporaryPassword }) => {
  revalidatePath("/admin/users");
  return {
    ok: true,
    message: `Created ${user.email}. Temporary password (shown once): ${temporaryPassword}`,
  };
});

export const updateUserAction = formAction(updateUserInput, updateUser, (user) => {
  refresh(user.id);
  return { ok: true, message: "Saved." };
});

export const deactivateUserAction = formAction(
  userTarget,
  (actor, { userId }) => deactivateUser(actor, userId),
  (user) => {
    refresh(user.id);
    return { ok: true, message: "Deactivated." };
  },
);

export const reactivateUserAction = formAction(
  userTarget,
  (actor, { userId }) => reactivateUser(actor, userId),
  (user) => {
    refresh(user.id);
    return { ok: true, message: "Reactivated." };
  },
);

export const resetPasswordAction = formAction(
  userTarget,
  (actor, { userId }) => resetUserPassword(actor, userId),
  ({ temporaryPassword }) => ({ ok: true, message: `Temporary password (shown once): ${temporaryPassword}` }),
);
