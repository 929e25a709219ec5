import type { UserRole } from "@/lib/domain/catalog";

declare module "next-auth" {
  interface User {
    accountId: string;
    role: UserRole;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; accountId: string; role: UserRole; sessionVersion: number };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    accountId?: string;
    role?: UserRole;
    sessionVersion?: number;
  }
}
