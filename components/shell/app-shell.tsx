import Link from "next/link";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import type { UserRole } from "@/lib/domain/catalog";
import { NavMenu } from "./nav-menu";

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
    { href: "/vendor/missing", label: "Missing usage" },
  ],
  distributor: [
    { href: "/distributor", label: "Review queue" },
    { href: "/distributor/files", label: "All files" },
    { href: "/distributor/missing", label: "Missing usage" },
    { href: "/distributor/rules", label: "Rules" },
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

/** The portal's frame: a skip link, the header (a menu on small screens) and the page. */
export function AppShell({
  user,
  signOut,
  children,
}: {
  user: { name: string; email: string; accountName: string; role: UserRole };
  signOut: () => Promise<void>;
  children: ReactNode;
}) {
  const links = navigation[user.role];
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-8">
            <Link href="/" className="font-semibold text-brand-700">
              Usage Records Portal
              <span className="ml-2 hidden text-xs font-normal text-slate-500 sm:inline">{areaName[user.role]}</span>
            </Link>
            <nav aria-label="Main" className="hidden gap-4 text-sm lg:flex">
              {links.map((link) => (
                <Link
                  key={link.href}
                  href={link.href}
                  className="whitespace-nowrap text-slate-700 hover:text-brand-700"
                >
                  {link.label}
                </Link>
              ))}
            </nav>
          </div>
          <div className="flex items-center gap-4 text-sm">
            <NotificationBell />
            <Link
              href="/profile"
              className="hidden text-right leading-tight hover:text-brand-700 lg:block"
              title="Profile and password"
            >
              <span className="block font-medium">{user.name}</span>
              <span className="block text-xs text-slate-500">{user.accountName}</span>
            </Link>
            <form action={signOut} className="hidden lg:block">
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
                Sign out
              </button>
            </form>
            <div className="lg:hidden">
              <NavMenu links={links} userName={user.name} signOut={signOut} />
            </div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 outline-none sm:px-6">
        {children}
      </main>
    </div>
  );
}
