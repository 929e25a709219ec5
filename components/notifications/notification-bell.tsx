"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

const pollMs = 10_000;
const unreadEvent = "inbox-unread";

/** Tells the header's bell the unread count a page has just rendered (the inbox, after items are marked read). */
export function UnreadCountSync({ unread }: { unread: number }) {
  useEffect(() => {
    window.dispatchEvent(new CustomEvent<number>(unreadEvent, { detail: unread }));
  }, [unread]);
  return null;
}

/** The header's bell: the unread count of the user's inbox, asked for on each page and every 10 s, and told by the inbox. */
export function NotificationBell() {
  const [unread, setUnread] = useState<number | null>(null);
  const pathname = usePathname();

  useEffect(() => {
    let stopped = false;
    async function refresh() {
      const response = await fetch("/api/inbox/unread", { cache: "no-store" }).catch(() => null);
      if (!stopped && response?.ok) setUnread(((await response.json()) as { unread: number }).unread);
    }
    const told = (event: Event) => setUnread((event as CustomEvent<number>).detail);
    void refresh();
    const timer = setInterval(refresh, pollMs);
    window.addEventListener(unreadEvent, told);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener(unreadEvent, told);
    };
  }, [pathname]);

  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Link
      href="/inbox"
      aria-label={label}
      title={label}
      className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-brand-700"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      >
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
      </svg>
      {unread ? (
        <span
          data-testid="unread-count"
          className="absolute -right-1 -top-1 min-w-[1.15rem] rounded-full bg-red-600 px-1 text-center text-[0.7rem] font-semibold leading-[1.15rem] text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
