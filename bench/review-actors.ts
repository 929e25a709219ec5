import { demoUsers } from "@/db/seed";
import type { Actor } from "@/lib/domain/permissions";

function actorOf(email: string): Actor {
  const user = demoUsers.find((u) => u.email === email)!;
  return { userId: user.id, accountId: user.accountId, role: user.role };
}

/** The review benchmark's file is Acme's, on a contract Northwind distributes. */
export const vendor = actorOf("vendor@acme.test");
export const distributor = actorOf("distributor@northwind.test");
