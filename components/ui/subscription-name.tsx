/**
 * A subscription as every panel, grid and export names it: the external id (the vendor's and the
 * marketplace's name for it) first, the portal's `AS-…` id beside it, smaller.
 */
export function SubscriptionName({ id, externalId }: { id: string; externalId: string | null | undefined }) {
  return (
    <span className="font-mono">
      <span className="whitespace-nowrap">{externalId ?? id}</span>
      {externalId && (
        <>
          {" "}
          <span className="whitespace-nowrap text-xs text-slate-600">{id}</span>
        </>
      )}
    </span>
  );
}
