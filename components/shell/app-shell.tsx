import Link from "next/link";
import type { ReactNode } from "react";
import type { UserRole } from "@/lib/domain/catalog";

interface NavLink {
  href: string;
  label: string;
}

const navigation: Record<UserRole, NavLink[]> = {
  vendor: [
    { href: "/vendor", label: "Dashboard" },
    { href: "/vendor/files", label: "All files" },
    { href: "/vendor/files/new", label: "New usage file" },
    { href: "/vendor/subscriptions", label: "Subscriptions" },
  ],
  distributor: [
    { href: "/distributor", label: "Review queue" },
    { href: "/distributor/files", label: "All files" },
  ],
  admin: [
    { href: "/admin", label: "Overview" },
    { href: "/admin/accounts", label: "Accounts" },
    { href: "/admin/users", label: "Users" },
    { href: "/admin/contracts", label: "Contracts" },
    { href: "/admin/products", label: "Products" },
    { href: "/admin/subscriptions", label: "Subscriptions" },
    { href: "/admin/audit", label: "Audit log" },
  ],
};

const areaName: Record<UserRole, string> = {
  vendor: "Vendor portal",
  distributor: "Review & billing",
  admin: "Administration",
};

export function AppShell({
  user,
  signOut,
  children,
}: {
  user: { name: string; email: string; accountName: string; role: UserRole };
  signOut: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-6 px-6 py-3">
          <div className="flex items-center gap-8">
            <Link href="/" className="font-semibold text-brand-700">
              Usage Records Portal
              <span className="ml-2 text-xs font-normal text-slate-500">{areaName[user.role]}</span>
            </Link>
            <nav aria-label="Main" className="flex gap-4 text-sm">
              {navigation[user.role].map((link) => (
                <Link key={link.href} href={link.href} className="text-slate-700 hover:text-brand-700">
                  {link.label}
                </Link>
              ))}
            </nav>
          </div>
          <div className="flex items-center gap-4 text-sm">
            <Link
              href="/profile"
              className="text-right leading-tight hover:text-brand-700"
              title="Profile and password"
            >
              <span className="block font-medium">{user.name}</span>
              <span className="block text-xs text-slate-500">{user.accountName}</span>
            </Link>
            <form action={signOut}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </div>
  );
}
