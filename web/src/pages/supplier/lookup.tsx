// Names the supplier pages show beside ids (a finding or a declaration request names its product by id only). Each
// product or contract is read once per page load and shared: a findings table of 20 rows about two products asks
// the API twice, not twenty times.
import { api } from '../../api.js';
import { useAsync } from '../../components/ui.js';
import { href } from '../../router.js';
import type { Contract, Product } from '../../api-types.js';

const products = new Map<string, Promise<Product>>();
const contracts = new Map<string, Promise<Contract>>();

function cached<T>(cache: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> {
  let found = cache.get(id);
  if (!found) {
    found = load();
    // A failed read (a network hiccup) is tried again next time rather than remembered.
    found.catch(() => cache.delete(id));
    cache.set(id, found);
  }
  return found;
}

export function productById(id: string): Promise<Product> {
  return cached(products, id, () => api<Product>(`/products/${encodeURIComponent(id)}`));
}

export function contractById(id: string): Promise<Contract> {
  return cached(contracts, id, () => api<Contract>(`/contracts/${encodeURIComponent(id)}`));
}

/** Products already read in a list: later lookups of them need no request. */
export function rememberProducts(items: readonly Product[]): void {
  for (const product of items) products.set(product.id, Promise.resolve(product));
}

/** A product's name as a link to its page; the id while it loads or when it cannot be read. */
export function ProductLink({ id }: { id: string }) {
  const state = useAsync(() => productById(id), [id]);
  return <a href={href(`/products/${id}`)}>{state.data?.name ?? id}</a>;
}

/** A product's name; its id while it loads or when it cannot be read. */
export function useProductName(id: string): string {
  const state = useAsync(() => productById(id), [id]);
  return state.data?.name ?? id;
}

export function ContractName({ id }: { id: string }) {
  const state = useAsync(() => contractById(id), [id]);
  return <>{state.data ? `${state.data.number} ${state.data.title}` : id}</>;
}

/**
 * The API's reason for a severity names contracts by id ("contract 665f… sets severity orange"): each id is shown as
 * the contract's number and title instead, which is what a supplier knows the contract by.
 */
export function ReasonText({ text }: { text: string }) {
  const parts = text.split(/\b(?<=contract )([0-9a-f]{24})\b/u);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <ContractName key={i} id={part} /> : part))}</>;
}
