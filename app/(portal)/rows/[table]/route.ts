import { NextResponse, type NextRequest } from "next/server";
import { tableJson } from "@/lib/table-json";
import { rowsQuery } from "@/lib/table-url";
import { auditRows, missingUsageRows, subscriptionRows, usageFileRows, usageRecordRows, userRows } from "../table-rows";

// GET /rows/<table>?<rows query>: one page of a server-paged table for the page's own fetches. A
// route handler rather than a server function: server functions go through the router's queue,
// where a call still running when the viewer follows a link dropped the link's navigation.

const tables: Record<string, (request: NextRequest, query: string) => Promise<unknown>> = {
  records: (request, query) => usageRecordRows(request.nextUrl.searchParams.get("file") ?? "", query),
  "usage-files": (_, query) => usageFileRows(query),
  users: (_, query) => userRows(query),
  subscriptions: (_, query) => subscriptionRows(query),
  audit: (_, query) => auditRows(query),
  "missing-usage": (_, query) => missingUsageRows(query),
};

export async function GET(request: NextRequest, { params }: { params: Promise<{ table: string }> }) {
  const rowsOf = tables[(await params).table];
  const state = new URLSearchParams(request.nextUrl.searchParams);
  state.delete("file");
  const page = rowsOf ? await rowsOf(request, rowsQuery(state)) : null;
  if (page === null) return NextResponse.json(null, { status: 404 });
  return new NextResponse(tableJson(page), {
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
