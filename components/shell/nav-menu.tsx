"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";

const itemClass =
  "block rounded px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-brand-700";

/**
 * The header on small screens: one button opening a Radix menu (arrow keys, Esc, focus back to the
 * button) with the area's pages, the profile and sign-out.
 */
export function NavMenu({
  links,
  userName,
  signOut,
}: {
  links: { href: string; label: string }[];
  userName: string;
  signOut: () => Promise<void>;
}) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
        Menu
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 w-60 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {links.map((link) => (
            <DropdownMenu.Item key={link.href} asChild className={itemClass}>
              <Link href={link.href}>{link.label}</Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/profile">Profile ({userName})</Link>
          </DropdownMenu.Item>
          <form action={signOut}>
            <DropdownMenu.Item asChild className={`${itemClass} w-full text-left`}>
              <button type="submit">Sign out</button>
            </DropdownMenu.Item>
          </form>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
