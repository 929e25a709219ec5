import { redirect } from "next/navigation";
import { homePathOf } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/server/actor";

export default async function Home() {
  const actor = await requireActor();
  redirect(homePathOf[actor.role]);
}
