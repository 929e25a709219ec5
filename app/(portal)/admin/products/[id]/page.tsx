import Link from "next/link";
import { notFound } from "next/navigation";
import { asOptions, OptionSelect } from "@/components/admin/option-select";
import { ItemsTable } from "@/components/admin/items-table";
import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { TextInput } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { itemPrecisions, itemTypes } from "@/lib/domain/catalog";
import { requireRole } from "@/lib/server/actor";
import { getProductWithItems } from "@/lib/server/queries/admin-catalog";
import { createItemAction } from "../actions";
import { productTitle } from "../../../page-titles";

export const generateMetadata = productTitle;

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("admin");
  const found = await getProductWithItems(actor, (await params).id);
  if (!found) notFound();
  const { product, items } = found;

  return (
    <>
      <PageHeader
        title={product.name}
        subtitle={`${product.id} · ${product.vendorName} · schema ${product.usageSchema} · ${product.currency}`}
        actions={
          <Link href={`/admin/subscriptions?product=${product.id}`} className="text-sm text-brand-700 hover:underline">
            Subscriptions of this product
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card title="Items">
          <ItemsTable rows={items} />
        </Card>
        <Card title="New item">
          <ActionForm action={createItemAction} submitLabel="Add item">
            <input type="hidden" name="productId" value={product.id} />
            <ActionField name="mpn" label="MPN">
              <TextInput name="mpn" required />
            </ActionField>
            <ActionField name="localId" label="Local id">
              <TextInput name="localId" required />
            </ActionField>
            <ActionField name="name" label="Name">
              <TextInput name="name" required />
            </ActionField>
            <ActionField name="unit" label="Unit">
              <TextInput name="unit" required />
            </ActionField>
            <ActionField name="precision" label="Precision">
              <OptionSelect name="precision" options={asOptions(itemPrecisions)} />
            </ActionField>
            <ActionField name="type" label="Type">
              <OptionSelect name="type" options={asOptions(itemTypes)} />
            </ActionField>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
