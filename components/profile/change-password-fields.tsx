import { ActionField } from "@/components/ui/action-form";
import { TextInput } from "@/components/ui/form";

/** The fields of the change-password form, on the profile page and the forced first-sign-in page. */
export function ChangePasswordFields() {
  return (
    <>
      <ActionField name="currentPassword" label="Current password">
        <TextInput name="currentPassword" type="password" autoComplete="current-password" required />
      </ActionField>
      <ActionField name="newPassword" label="New password" hint="At least 12 characters.">
        <TextInput name="newPassword" type="password" autoComplete="new-password" required minLength={12} />
      </ActionField>
      <ActionField name="confirmPassword" label="Confirm password">
        <TextInput name="confirmPassword" type="password" autoComplete="new-password" required />
      </ActionField>
    </>
  );
}
